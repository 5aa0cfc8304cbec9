# streamcdp: the two commands a newcomer needs are `make demo` and `make test`.
MVN ?= mvn -B -q
DEMO_ARGS ?=
QUERY ?= recommendations
USER_ID ?=
TRINO_PORT ?= 18080
MAINTAIN_ARGS ?=
# The benchmark's size (tiny, small, 1m, 1m-profiles), seed, further options (e.g. --rocksdb) and
# the heap of its JVM (the Flink cluster's state lives there).
SCALE ?= small
SEED ?= 42
BENCH_ARGS ?=
BENCH_HEAP ?= 3g
# The differential tests' size (make fuzz): source changes and Kafka events per seed; SEED above.
CHANGES ?= 100000
EVENTS ?= 20000
# Cluster mode: which pipelines make submit/stop/upgrade act on (default: all), and the query of make sql.
PIPELINES ?=
Q ?=
JOB_JAR = $(wildcard jobs/target/streamcdp-jobs-*-cluster.jar)
# Cluster mode's commands read the running stack's endpoints from the file cluster-up writes.
CLUSTER_ENV = STREAMCDP_CONFIG=$${STREAMCDP_CONFIG:-work/streamcdp.properties}
# Trino 476 and its CLI need Java 24 or newer: the newest such JDK under /usr/lib/jvm.
TRINO_JAVA ?= $(lastword $(sort $(wildcard /usr/lib/jvm/*-2[4-9]*/bin/java /usr/lib/jvm/*-3[0-9]*/bin/java)))

.PHONY: help build demo demo-explore query serve trino trino-cli maintain cluster-up cluster-down submit status stop upgrade sql bench test unit-test fuzz clean

help:
	@echo "make demo          run every pipeline on the embedded stack and print what it computes"
	@echo "make demo-explore  the same, then keep everything running until Ctrl-C"
	@echo "make query QUERY=recommendations USER_ID=p1"
	@echo "                   run a serving query of sql/serving/ (top_categories, recommendations)"
	@echo "                   on the running stack (STREAMCDP_CONFIG=work/streamcdp.properties)"
	@echo "make serve         the profile API (docs/serving.md) over the serving tables, until Ctrl-C"
	@echo "make trino         Trino over the Iceberg history of a running stack, until Ctrl-C"
	@echo "make trino-cli     Trino's command line on it (catalog iceberg, schema history)"
	@echo "make maintain      compact the Iceberg and Paimon tables and expire old snapshots"
	@echo "make bench SCALE=small   Customer 360 benchmark against a batch recompute (docs/benchmark.md)"
	@echo ""
	@echo "cluster mode (docs/cluster.md):"
	@echo "make cluster-up    the embedded stack, a Flink session cluster and the SQL Gateway, in the background"
	@echo "make submit        submit every pipeline that is not running (PIPELINES=\"customer360 segments\" for some)"
	@echo "make status        each pipeline's job on the cluster"
	@echo "make sql Q=\"SELECT * FROM customer_360 WHERE customer_id = 2\""
	@echo "                   a query through the SQL Gateway (catalog paimon, database serving)"
	@echo "make sql QUERY=recommendations USER_ID=p1   a serving query through the gateway"
	@echo "make stop          stop every pipeline with a savepoint; make submit resumes from it"
	@echo "make upgrade       stop with a savepoint, resubmit the current build from it"
	@echo "make cluster-down  stop everything cluster-up started"
	@echo ""
	@echo "make test          unit tests and end-to-end tests against real servers"
	@echo "make unit-test     unit tests only"
	@echo "make fuzz SEED=7 CHANGES=100000 EVENTS=20000"
	@echo "                   the differential tests, long: random histories against a batch recompute"
	@echo "make build         compile and package every module, no tests"
	@echo "make clean         remove build outputs and the work/ directory"

build:
	$(MVN) install -DskipTests

demo: build
	$(MVN) -pl demo exec:exec -Drun.args="$(DEMO_ARGS)"

query: build
	$(MVN) -pl tools exec:exec -Drun.main=io.streamcdp.tools.queries.QueryCommand -Drun.args="$(QUERY) --user=$(USER_ID)"

# The running stack's configuration when there is one (make demo-explore, make cluster-up).
serve: build
	STREAMCDP_CONFIG=$${STREAMCDP_CONFIG:-$$(test -f work/streamcdp.properties && echo work/streamcdp.properties)} \
		$(MVN) -pl serving exec:exec

demo-explore:
	$(MAKE) demo DEMO_ARGS=--keep-running

trino: build
	$(MVN) -pl tools exec:exec -Drun.main=io.streamcdp.tools.trino.TrinoCommand

trino-cli: build
	@test -n "$(TRINO_JAVA)" || { echo "Trino's CLI needs a JDK 24 or newer (e.g. Temurin 25) under /usr/lib/jvm, or TRINO_JAVA=/path/to/bin/java"; exit 1; }
	$(TRINO_JAVA) --enable-native-access=ALL-UNNAMED -jar $$(cat stack/trino/target/classes/streamcdp/trino-cli.path) --server 127.0.0.1:$(TRINO_PORT) --catalog iceberg --schema history

maintain: build
	$(MVN) -pl tools exec:exec -Drun.main=io.streamcdp.tools.maintenance.MaintenanceCommand -Drun.args="$(MAINTAIN_ARGS)"

cluster-up: build
	$(MVN) -pl tools exec:exec -Drun.main=io.streamcdp.tools.cluster.ClusterCommand -Drun.args="up"

cluster-down:
	$(MVN) -pl tools exec:exec -Drun.main=io.streamcdp.tools.cluster.ClusterCommand -Drun.args="down"

submit status stop upgrade: build
	$(CLUSTER_ENV) $(MVN) -pl tools exec:exec -Drun.main=io.streamcdp.tools.cluster.PipelinesCommand \
		-Drun.args="$@ --jar $(abspath $(JOB_JAR)) $(PIPELINES)"

# The query travels in the environment, so that quotes in it need no escaping.
sql: export STREAMCDP_SQL = $(Q)
sql: build
	$(CLUSTER_ENV) $(MVN) -pl tools exec:exec -Drun.main=io.streamcdp.tools.cluster.SqlCommand \
		-Drun.args="$(if $(Q),,--serving $(QUERY) --user $(USER_ID))"

bench: build
	$(MVN) -pl bench exec:exec -Drun.heap=$(BENCH_HEAP) -Drun.main=io.streamcdp.bench.BenchmarkCommand -Drun.args="--scale $(SCALE) --seed $(SEED) $(BENCH_ARGS)"

test:
	$(MVN) install

# The differential tests of make test, with one seed and the given sizes (docs/correctness.md).
fuzz: build
	$(MVN) -pl integration-tests test -Dtest='*DifferentialIT' -Dsurefire.failIfNoSpecifiedTests=false \
		-Dstreamcdp.fuzz.seeds=$(SEED) -Dstreamcdp.fuzz.changes=$(CHANGES) -Dstreamcdp.fuzz.events=$(EVENTS)

unit-test:
	$(MVN) install -pl stack/kafka-broker,stack/trino,stack/flink-dist,config,stack,catalog,udfs,testkit,jobs,serving,tools,demo,bench

clean:
	$(MVN) clean
	rm -rf work
