# streamcdp: the two commands a newcomer needs are `make demo` and `make test`.
MVN ?= mvn -B -q
DEMO_ARGS ?=

.PHONY: help build demo demo-explore test unit-test clean

help:
	@echo "make demo          run Customer 360 on the embedded stack and print the seed's results"
	@echo "make demo-explore  the same, then keep everything running until Ctrl-C"
	@echo "make test          unit tests and end-to-end tests against real servers"
	@echo "make unit-test     unit tests only"
	@echo "make build         compile and package every module, no tests"
	@echo "make clean         remove build outputs and the work/ directory"

build:
	$(MVN) install -DskipTests

demo: build
	$(MVN) -pl jobs exec:exec -Ddemo.args="$(DEMO_ARGS)"

demo-explore:
	$(MAKE) demo DEMO_ARGS=--keep-running

test:
	$(MVN) install

unit-test:
	$(MVN) install -pl stack/kafka-broker,stack,catalog,udfs,jobs

clean:
	$(MVN) clean
	rm -rf work
