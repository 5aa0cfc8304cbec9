# streamcdp: the two commands a newcomer needs are `make demo` and `make test`.
MVN ?= mvn -B -q
DEMO_ARGS ?=
QUERY ?= recommendations
USER_ID ?=

.PHONY: help build demo demo-explore query test unit-test clean

help:
	@echo "make demo          run Customer 360 on the embedded stack and print the seed's results"
	@echo "make demo-explore  the same, then keep everything running until Ctrl-C"
	@echo "make query QUERY=recommendations USER_ID=u1"
	@echo "                   run a serving query of sql/serving/ (top_categories, recommendations)"
	@echo "                   on the running stack (STREAMCDP_CONFIG=work/streamcdp.properties)"
	@echo "make test          unit tests and end-to-end tests against real servers"
	@echo "make unit-test     unit tests only"
	@echo "make build         compile and package every module, no tests"
	@echo "make clean         remove build outputs and the work/ directory"

build:
	$(MVN) install -DskipTests

demo: build
	$(MVN) -pl jobs exec:exec -Drun.args="$(DEMO_ARGS)"

query: build
	$(MVN) -pl jobs exec:exec -Drun.main=io.streamcdp.jobs.serving.QueryCommand -Drun.args="$(QUERY) --user=$(USER_ID)"

demo-explore:
	$(MAKE) demo DEMO_ARGS=--keep-running

test:
	$(MVN) install

unit-test:
	$(MVN) install -pl stack/kafka-broker,stack,catalog,udfs,jobs

clean:
	$(MVN) clean
	rm -rf work
