// Ordinary output of successful builds, verbatim from real runs (sources below). Words that
// appear here identify no error: they weigh little in matching, and a signature that matches
// these lines is too generic to tell failures apart.
extension OrdinaryBuildOutput {
    static let corpus: [(source: String, text: String)] = [
        (
            source:
                "captured on Debian 12 (bookworm), as root: apt-get update && apt-get install -y golang-go (apt \"Get:N <mirror URL>\" lines left out: they name the package mirror)",
            text: #"""
            Fetched 9424 kB in 2s (5845 kB/s)
            Reading package lists...
            Reading package lists...
            Building dependency tree...
            Reading state information...
            The following additional packages will be installed:
              golang-1.19-go golang-1.19-src golang-src
            Suggested packages:
              bzr | brz mercurial subversion
            The following NEW packages will be installed:
              golang-1.19-go golang-1.19-src golang-go golang-src
            0 upgraded, 4 newly installed, 0 to remove and 144 not upgraded.
            Need to get 81.1 MB of archives.
            After this operation, 464 MB of additional disk space will be used.
            debconf: delaying package configuration, since apt-utils is not installed
            Fetched 81.1 MB in 1s (141 MB/s)
            Selecting previously unselected package golang-1.19-src.
            (Reading database ... 107929 files and directories currently installed.)
            Preparing to unpack .../golang-1.19-src_1.19.8-2_all.deb ...
            Unpacking golang-1.19-src (1.19.8-2) ...
            Selecting previously unselected package golang-1.19-go.
            Preparing to unpack .../golang-1.19-go_1.19.8-2_amd64.deb ...
            Unpacking golang-1.19-go (1.19.8-2) ...
            Selecting previously unselected package golang-src.
            Preparing to unpack .../golang-src_2%3a1.19~1_all.deb ...
            Unpacking golang-src (2:1.19~1) ...
            Selecting previously unselected package golang-go:amd64.
            Preparing to unpack .../golang-go_2%3a1.19~1_amd64.deb ...
            Unpacking golang-go:amd64 (2:1.19~1) ...
            Setting up golang-1.19-src (1.19.8-2) ...
            Setting up golang-src (2:1.19~1) ...
            Setting up golang-1.19-go (1.19.8-2) ...
            Setting up golang-go:amd64 (2:1.19~1) ...
            Processing triggers for man-db (2.11.2-2) ...
            """#
        ),
        (
            source:
                "captured on Debian 12, Python 3.11 venv: pip install --upgrade pip; pip install requests flask; pip install . (a local pyproject.toml project)",
            text: #"""
            Looking in links: /opt/wheels
            Requirement already satisfied: pip in /tmp/venv1/lib/python3.11/site-packages (23.2.1)
            Collecting pip
              Downloading pip-26.3-py3-none-any.whl (2.0 MB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 2.0/2.0 MB 57.5 MB/s eta 0:00:00
            Installing collected packages: pip
              Attempting uninstall: pip
                Found existing installation: pip 23.2.1
                Uninstalling pip-23.2.1:
                  Successfully uninstalled pip-23.2.1
            Successfully installed pip-26.3
            Looking in links: /opt/wheels
            Collecting requests
              Downloading requests-2.34.2-py3-none-any.whl (73 kB)
            Collecting flask
              Downloading flask-3.1.3-py3-none-any.whl (103 kB)
            Collecting charset_normalizer<4,>=2 (from requests)
              Downloading charset_normalizer-3.5.3-cp311-cp311-manylinux1_x86_64.manylinux_2_28_x86_64.manylinux_2_5_x86_64.whl (263 kB)
            Collecting idna<4,>=2.5 (from requests)
              Downloading idna-3.20-py3-none-any.whl (69 kB)
            Collecting urllib3<3,>=1.26 (from requests)
              Downloading urllib3-2.8.0-py3-none-any.whl (135 kB)
            Collecting certifi>=2023.5.7 (from requests)
              Downloading certifi-2026.10.19.post1-py3-none-any.whl (134 kB)
            Collecting blinker>=1.9.0 (from flask)
              Downloading blinker-1.9.0-py3-none-any.whl (8.5 kB)
            Collecting click>=8.1.3 (from flask)
              Downloading click-8.5.1-py3-none-any.whl (126 kB)
            Collecting itsdangerous>=2.2.0 (from flask)
              Downloading itsdangerous-2.2.0-py3-none-any.whl (16 kB)
            Collecting jinja2>=3.1.2 (from flask)
              Downloading jinja2-3.1.6-py3-none-any.whl (134 kB)
            Collecting markupsafe>=2.1.1 (from flask)
              Downloading markupsafe-3.0.4-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl (22 kB)
            Collecting werkzeug>=3.1.0 (from flask)
              Downloading werkzeug-3.1.9-py3-none-any.whl (228 kB)
            Installing collected packages: urllib3, markupsafe, itsdangerous, idna, click, charset_normalizer, certifi, blinker, werkzeug, requests, jinja2, flask

            Successfully installed blinker-1.9.0 certifi-2026.10.19.post1 charset_normalizer-3.5.3 click-8.5.1 flask-3.1.3 idna-3.20 itsdangerous-2.2.0 jinja2-3.1.6 markupsafe-3.0.4 requests-2.34.2 urllib3-2.8.0 werkzeug-3.1.9
            Looking in links: /opt/wheels
            Processing /tmp/demo-app
              Installing build dependencies: started
              Installing build dependencies: finished with status 'done'
              Getting requirements to build wheel: started
              Getting requirements to build wheel: finished with status 'done'
              Preparing metadata (pyproject.toml): started
              Preparing metadata (pyproject.toml): finished with status 'done'
            Collecting requests<3.0.0,>=2.34.2 (from demo-app==0.1.0)
              Downloading requests-2.34.2-py3-none-any.whl (73 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 73.1/73.1 kB 66.6 MB/s eta 0:00:00
            Collecting charset_normalizer<4,>=2 (from requests<3.0.0,>=2.34.2->demo-app==0.1.0)
              Downloading charset_normalizer-3.5.3-cp311-cp311-manylinux1_x86_64.manylinux_2_28_x86_64.manylinux_2_5_x86_64.whl (263 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 263.4/263.4 kB 99.9 MB/s eta 0:00:00
            Collecting idna<4,>=2.5 (from requests<3.0.0,>=2.34.2->demo-app==0.1.0)
              Downloading idna-3.20-py3-none-any.whl (69 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 69.6/69.6 kB 54.2 MB/s eta 0:00:00
            Collecting urllib3<3,>=1.26 (from requests<3.0.0,>=2.34.2->demo-app==0.1.0)
              Downloading urllib3-2.8.0-py3-none-any.whl (135 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 135.7/135.7 kB 120.5 MB/s eta 0:00:00
            Collecting certifi>=2023.5.7 (from requests<3.0.0,>=2.34.2->demo-app==0.1.0)
              Downloading certifi-2026.10.19.post1-py3-none-any.whl (134 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 134.0/134.0 kB 82.4 MB/s eta 0:00:00
            Building wheels for collected packages: demo-app
              Building wheel for demo-app (pyproject.toml): started
              Building wheel for demo-app (pyproject.toml): finished with status 'done'
              Created wheel for demo-app: filename=demo_app-0.1.0-py3-none-any.whl size=1320 sha256=dd546635d7740b321e7c1682fa9ab9c66c49178397003455e8393678fec48050
              Stored in directory: /root/.cache/pip/wheels/4c/d1/b9/5ecb0c54a273044f702f3ba104598daf8fb398fdbda6b59aae
            Successfully built demo-app
            Installing collected packages: urllib3, idna, charset_normalizer, certifi, requests, demo-app
            Successfully installed certifi-2026.10.19.post1 charset_normalizer-3.5.3 demo-app-0.1.0 idna-3.20 requests-2.34.2 urllib3-2.8.0
            """#
        ),
        (
            source:
                "captured on Debian 12, Poetry 2.5.1: poetry new; poetry add requests; poetry add --group dev pytest; poetry install; poetry build; poetry run pytest -v -rs",
            text: #"""
            Created package demo_app in demo-app
            Creating virtualenv demo-app-T_UVKmt--py3.11 in /root/.cache/pypoetry/virtualenvs
            Using version ^2.34.2 for requests

            Updating dependencies
            Resolving dependencies...

            Package operations: 5 installs, 0 updates, 0 removals

              - Installing certifi (2026.10.19.post1)
              - Installing charset-normalizer (3.5.3)
              - Installing idna (3.20)
              - Installing urllib3 (2.8.0)
              - Installing requests (2.34.2)

            Writing lock file
            Using version ^9.2.0 for pytest

            Updating dependencies
            Resolving dependencies...

            Package operations: 5 installs, 0 updates, 0 removals

              - Installing iniconfig (2.3.1)
              - Installing packaging (26.4)
              - Installing pluggy (1.7.0)
              - Installing pygments (2.21.0)
              - Installing pytest (9.2.0)

            Writing lock file
            Creating virtualenv demo-app-T_UVKmt--py3.11 in /root/.cache/pypoetry/virtualenvs
            Installing dependencies from lock file

            Package operations: 10 installs, 0 updates, 0 removals

              - Installing certifi (2026.10.19.post1)
              - Installing charset-normalizer (3.5.3)
              - Installing idna (3.20)
              - Installing iniconfig (2.3.1)
              - Installing packaging (26.4)
              - Installing pluggy (1.7.0)
              - Installing pygments (2.21.0)
              - Installing pytest (9.2.0)
              - Installing requests (2.34.2)
              - Installing urllib3 (2.8.0)

            Installing the current project: demo-app (0.1.0)
            Building demo-app (0.1.0)
            Building sdist
              - Building sdist
              - Built demo_app-0.1.0.tar.gz
            Building wheel
              - Building wheel
              - Built demo_app-0.1.0-py3-none-any.whl
            ============================= test session starts ==============================
            platform linux -- Python 3.11.7, pytest-9.2.0, pluggy-1.7.0 -- /root/.cache/pypoetry/virtualenvs/demo-app-T_UVKmt--py3.11/bin/python
            cachedir: .pytest_cache
            rootdir: /tmp/demo-app
            configfile: pyproject.toml
            collecting ... collected 6 items

            tests/test_core.py::test_add PASSED                                      [ 16%]
            tests/test_core.py::test_add_negative PASSED                             [ 33%]
            tests/test_core.py::test_slug[Hello World-hello-world] PASSED            [ 50%]
            tests/test_core.py::test_slug[  Build Log -build-log] PASSED             [ 66%]
            tests/test_core.py::test_slug[x-x] PASSED                                [ 83%]
            tests/test_core.py::test_remote SKIPPED (needs network)                  [100%]

            =========================== short test summary info ============================
            SKIPPED [1] tests/test_core.py:14: needs network
            ========================= 5 passed, 1 skipped in 0.03s =========================
            """#
        ),
        (
            source:
                "captured on Debian 12, cargo 1.95.0: cargo new logparse; cargo build; cargo test; cargo build --release (warning-only build)",
            text: #"""
                Creating binary (application) `logparse` package
            note: see more `Cargo.toml` keys and their definitions at https://doc.rust-lang.org/cargo/reference/manifest.html
               Compiling logparse v0.1.0 (/tmp/logparse)
            warning: unused variable: `unused`
             --> src/lib.rs:2:9
              |
            2 |     let unused = 3;
              |         ^^^^^^ help: if this is intentional, prefix it with an underscore: `_unused`
              |
              = note: `#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default

            warning: `logparse` (lib) generated 1 warning (run `cargo fix --lib -p logparse` to apply 1 suggestion)
                Finished `dev` profile [unoptimized + debuginfo] target(s) in 1.25s
            warning: unused variable: `unused`
             --> src/lib.rs:2:9
              |
            2 |     let unused = 3;
              |         ^^^^^^ help: if this is intentional, prefix it with an underscore: `_unused`
              |
              = note: `#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default

            warning: `logparse` (lib) generated 1 warning (run `cargo fix --lib -p logparse` to apply 1 suggestion)
               Compiling logparse v0.1.0 (/tmp/logparse)
            warning: `logparse` (lib test) generated 1 warning (1 duplicate)
                Finished `test` profile [unoptimized + debuginfo] target(s) in 0.45s
                 Running unittests src/lib.rs (target/debug/deps/logparse-82c00ef631d2dbea)

            running 4 tests
            test tests::counts_lines ... ok
            test tests::first_word_of_line ... ok
            test tests::slow_roundtrip ... ignored
            test tests::empty_has_no_first_word ... ok

            test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s

                 Running unittests src/main.rs (target/debug/deps/logparse-e9f58dc89699c989)

            running 0 tests

            test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

               Doc-tests logparse

            running 0 tests

            test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

               Compiling logparse v0.1.0 (/tmp/logparse)
            warning: unused variable: `unused`
             --> src/lib.rs:2:9
              |
            2 |     let unused = 3;
              |         ^^^^^^ help: if this is intentional, prefix it with an underscore: `_unused`
              |
              = note: `#[warn(unused_variables)]` (part of `#[warn(unused)]`) on by default

            warning: `logparse` (lib) generated 1 warning (run `cargo fix --lib -p logparse` to apply 1 suggestion)
                Finished `release` profile [optimized] target(s) in 0.30s
            """#
        ),
        (
            source:
                "captured on Debian 12, go1.19.8: go mod init; go vet ./...; go build -v; go test -v -short -cover ./...; go test -bench . -benchmem; go test ./...",
            text: #"""
            go: creating new go.mod: module example.com/gosvc
            go: to add module requirements and sums:
            	go mod tidy
            go version go1.19.8 linux/amd64
            ?   	example.com/gosvc/cmd/gosvc	[no test files]
            === RUN   TestFields
            --- PASS: TestFields (0.00s)
            === RUN   TestKey
            === RUN   TestKey/a=b
            === RUN   TestKey/plain
            === RUN   TestKey/=x
            --- PASS: TestKey (0.00s)
                --- PASS: TestKey/a=b (0.00s)
                --- PASS: TestKey/plain (0.00s)
                --- PASS: TestKey/=x (0.00s)
            === RUN   TestSlow
                parse_test.go:24: skipping in short mode
            --- SKIP: TestSlow (0.00s)
            PASS
            coverage: 100.0% of statements
            ok  	example.com/gosvc/internal/parse	0.003s	coverage: 100.0% of statements
            goos: linux
            goarch: amd64
            pkg: example.com/gosvc/internal/parse
            cpu: AMD EPYC
            BenchmarkKey-2   	296344660	         5.589 ns/op	       0 B/op	       0 allocs/op
            PASS
            ok  	example.com/gosvc/internal/parse	2.093s
            ?   	example.com/gosvc/cmd/gosvc	[no test files]
            ok  	example.com/gosvc/internal/parse	0.003s
            """#
        ),
        (
            source:
                "captured on Debian 12, Apache Maven 3.8.7 / Java 17 (offline, Debian's maven-repo): mvn -B clean package; mvn -B install",
            text: #"""
            [INFO] Scanning for projects...
            [INFO]
            [INFO] ---------------------< com.example:orders-service >---------------------
            [INFO] Building orders-service 1.2.0-SNAPSHOT
            [INFO] --------------------------------[ jar ]---------------------------------
            [INFO]
            [INFO] --- maven-clean-plugin:3.2.0:clean (default-clean) @ orders-service ---
            [INFO] Deleting /tmp/orders-service/target
            [INFO]
            [INFO] --- maven-resources-plugin:3.3.0:resources (default-resources) @ orders-service ---
            [INFO] Copying 1 resource
            [INFO]
            [INFO] --- maven-compiler-plugin:3.10.1:compile (default-compile) @ orders-service ---
            [INFO] Changes detected - recompiling the module!
            [INFO] Compiling 2 source files to /tmp/orders-service/target/classes
            [INFO]
            [INFO] --- maven-resources-plugin:3.3.0:testResources (default-testResources) @ orders-service ---
            [INFO] skip non existing resourceDirectory /tmp/orders-service/src/test/resources
            [INFO]
            [INFO] --- maven-compiler-plugin:3.10.1:testCompile (default-testCompile) @ orders-service ---
            [INFO] Changes detected - recompiling the module!
            [INFO] Compiling 2 source files to /tmp/orders-service/target/test-classes
            [INFO]
            [INFO] --- maven-surefire-plugin:2.22.3:test (default-test) @ orders-service ---
            [INFO]
            [INFO] -------------------------------------------------------
            [INFO]  T E S T S
            [INFO] -------------------------------------------------------
            [INFO] Running com.example.orders.OrderTest
            [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.05 s - in com.example.orders.OrderTest
            [INFO] Running com.example.orders.OrderBookTest
            [WARNING] Tests run: 3, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.001 s - in com.example.orders.OrderBookTest
            [INFO]
            [INFO] Results:
            [INFO]
            [WARNING] Tests run: 5, Failures: 0, Errors: 0, Skipped: 1
            [INFO]
            [INFO]
            [INFO] --- maven-jar-plugin:3.3.0:jar (default-jar) @ orders-service ---
            [INFO] Building jar: /tmp/orders-service/target/orders-service-1.2.0-SNAPSHOT.jar
            [INFO] ------------------------------------------------------------------------
            [INFO] BUILD SUCCESS
            [INFO] ------------------------------------------------------------------------
            [INFO] Total time:  12.228 s
            [INFO] Finished at: 2026-12-03T12:44:57Z
            [INFO] ------------------------------------------------------------------------
            [INFO] Scanning for projects...
            [INFO]
            [INFO] ---------------------< com.example:orders-service >---------------------
            [INFO] Building orders-service 1.2.0-SNAPSHOT
            [INFO] --------------------------------[ jar ]---------------------------------
            [INFO]
            [INFO] --- maven-resources-plugin:3.3.0:resources (default-resources) @ orders-service ---
            [INFO] Copying 1 resource
            [INFO]
            [INFO] --- maven-compiler-plugin:3.10.1:compile (default-compile) @ orders-service ---
            [INFO] Nothing to compile - all classes are up to date
            [INFO]
            [INFO] --- maven-resources-plugin:3.3.0:testResources (default-testResources) @ orders-service ---
            [INFO] skip non existing resourceDirectory /tmp/orders-service/src/test/resources
            [INFO]
            [INFO] --- maven-compiler-plugin:3.10.1:testCompile (default-testCompile) @ orders-service ---
            [INFO] Nothing to compile - all classes are up to date
            [INFO]
            [INFO] --- maven-surefire-plugin:2.22.3:test (default-test) @ orders-service ---
            [INFO]
            [INFO] -------------------------------------------------------
            [INFO]  T E S T S
            [INFO] -------------------------------------------------------
            [INFO] Running com.example.orders.OrderTest
            [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.071 s - in com.example.orders.OrderTest
            [INFO] Running com.example.orders.OrderBookTest
            [WARNING] Tests run: 3, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.001 s - in com.example.orders.OrderBookTest
            [INFO]
            [INFO] Results:
            [INFO]
            [WARNING] Tests run: 5, Failures: 0, Errors: 0, Skipped: 1
            [INFO]
            [INFO]
            [INFO] --- maven-jar-plugin:3.3.0:jar (default-jar) @ orders-service ---
            [INFO]
            [INFO] --- maven-install-plugin:3.1.0:install (default-install) @ orders-service ---
            [INFO] Installing /tmp/orders-service/pom.xml to /tmp/m2/com/example/orders-service/1.2.0-SNAPSHOT/orders-service-1.2.0-SNAPSHOT.pom
            [INFO] Installing /tmp/orders-service/target/orders-service-1.2.0-SNAPSHOT.jar to /tmp/m2/com/example/orders-service/1.2.0-SNAPSHOT/orders-service-1.2.0-SNAPSHOT.jar
            [INFO] ------------------------------------------------------------------------
            [INFO] BUILD SUCCESS
            [INFO] ------------------------------------------------------------------------
            [INFO] Total time:  11.367 s
            [INFO] Finished at: 2026-12-03T12:45:26Z
            [INFO] ------------------------------------------------------------------------
            """#
        ),
        (
            source:
                "captured on Debian 12, Gradle 4.4.1 / Java 17, --console=verbose (progress bar and colours removed): gradle --offline clean build; gradle --offline build",
            text: #"""
            > Task :clean
            > Task :compileJava
            > Task :processResources NO-SOURCE
            > Task :classes
            > Task :jar
            > Task :startScripts
            > Task :distTar
            > Task :distZip
            > Task :assemble
            > Task :compileTestJava
            > Task :processTestResources NO-SOURCE
            > Task :testClasses
            > Task :test
            WARNING: A terminally deprecated method in java.lang.System has been called
            WARNING: System::setSecurityManager has been called by org.gradle.api.internal.tasks.testing.worker.TestWorker (file:/usr/share/gradle/lib/plugins/gradle-testing-base-4.4.1.jar)
            WARNING: Please consider reporting this to the maintainers of org.gradle.api.internal.tasks.testing.worker.TestWorker
            WARNING: System::setSecurityManager will be removed in a future release

            > Task :check
            > Task :build

            BUILD SUCCESSFUL in 8s
            8 actionable tasks: 8 executed

            > Task :compileJava UP-TO-DATE
            > Task :processResources NO-SOURCE
            > Task :classes UP-TO-DATE
            > Task :jar UP-TO-DATE
            > Task :startScripts UP-TO-DATE
            > Task :distTar UP-TO-DATE
            > Task :distZip UP-TO-DATE
            > Task :assemble UP-TO-DATE
            > Task :compileTestJava UP-TO-DATE
            > Task :processTestResources NO-SOURCE
            > Task :testClasses UP-TO-DATE
            > Task :test UP-TO-DATE
            > Task :check UP-TO-DATE
            > Task :build UP-TO-DATE

            BUILD SUCCESSFUL in 6s
            7 actionable tasks: 7 up-to-date
            """#
        ),
        (
            source:
                "captured on Debian 12, Docker 20.10.24, DOCKER_BUILDKIT=0 docker build -t localhost:5000/team/web:1.8.0 . (base image from a local registry; layers from an earlier run cached)",
            text: #"""
            Sending build context to Docker daemon  220.7kB
            Step 1/13 : FROM localhost:5000/library/debian:bookworm-slim
             ---> d283ca6efaaa
            Step 2/13 : ENV DEBIAN_FRONTEND=noninteractive PIP_NO_CACHE_DIR=1
             ---> Using cache
             ---> c18c56036c91
            Step 3/13 : RUN apt-get update     && apt-get install -y --no-install-recommends python3 python3-venv ca-certificates     && rm -rf /var/lib/apt/lists/*
             ---> Using cache
             ---> 7b1e639736eb
            Step 4/13 : COPY corp-ca-bundle.pem /etc/ssl/certs/corp-ca-bundle.pem
             ---> 8685d9fbdb16
            Step 5/13 : ENV PIP_CERT=/etc/ssl/certs/corp-ca-bundle.pem
             ---> Running in f9861342193a
            Removing intermediate container f9861342193a
             ---> c57add247df0
            Step 6/13 : WORKDIR /srv/app
             ---> Running in b80027728f5b
            Removing intermediate container b80027728f5b
             ---> 31fc19b980e4
            Step 7/13 : COPY requirements.txt .
             ---> 39a9c2acdbd1
            Step 8/13 : RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install -r requirements.txt
             ---> Running in efc3e878f924
            Collecting flask==3.1.3
              Downloading flask-3.1.3-py3-none-any.whl (103 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 103.4/103.4 kB 123.6 MB/s eta 0:00:00
            Collecting gunicorn==23.0.0
              Downloading gunicorn-23.0.0-py3-none-any.whl (85 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 85.0/85.0 kB 140.2 MB/s eta 0:00:00
            Collecting blinker>=1.9.0
              Downloading blinker-1.9.0-py3-none-any.whl (8.5 kB)
            Collecting click>=8.1.3
              Downloading click-8.5.1-py3-none-any.whl (126 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 126.2/126.2 kB 204.9 MB/s eta 0:00:00
            Collecting itsdangerous>=2.2.0
              Downloading itsdangerous-2.2.0-py3-none-any.whl (16 kB)
            Collecting jinja2>=3.1.2
              Downloading jinja2-3.1.6-py3-none-any.whl (134 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 134.9/134.9 kB 152.2 MB/s eta 0:00:00
            Collecting markupsafe>=2.1.1
              Downloading markupsafe-3.0.4-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl (22 kB)
            Collecting werkzeug>=3.1.0
              Downloading werkzeug-3.1.9-py3-none-any.whl (228 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 228.7/228.7 kB 220.4 MB/s eta 0:00:00
            Collecting packaging
              Downloading packaging-26.4-py3-none-any.whl (140 kB)
                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 140.0/140.0 kB 270.9 MB/s eta 0:00:00
            Installing collected packages: packaging, markupsafe, itsdangerous, click, blinker, werkzeug, jinja2, gunicorn, flask
            Successfully installed blinker-1.9.0 click-8.5.1 flask-3.1.3 gunicorn-23.0.0 itsdangerous-2.2.0 jinja2-3.1.6 markupsafe-3.0.4 packaging-26.4 werkzeug-3.1.9
            Removing intermediate container efc3e878f924
             ---> 6956a612c0b8
            Step 9/13 : COPY app/ ./app/
             ---> 15427c53f89e
            Step 10/13 : RUN useradd --system --uid 10001 app && chown -R app /srv/app
             ---> Running in 2fb63a144d6e
            useradd warning: app's uid 10001 is greater than SYS_UID_MAX 999
            Removing intermediate container 2fb63a144d6e
             ---> b9234f107138
            Step 11/13 : USER app
             ---> Running in 20096cbb035c
            Removing intermediate container 20096cbb035c
             ---> f0135d170548
            Step 12/13 : EXPOSE 8000
             ---> Running in 583894a19606
            Removing intermediate container 583894a19606
             ---> 05fecaeda5ae
            Step 13/13 : CMD ["/opt/venv/bin/python", "-m", "app"]
             ---> Running in 66a11fcd74cd
            Removing intermediate container 66a11fcd74cd
             ---> 9f1e5c398c98
            Successfully built 9f1e5c398c98
            Successfully tagged localhost:5000/team/web:1.8.0
            """#
        ),
        (
            source:
                "captured on Debian 12, Docker 20.10.24 BuildKit: docker build --progress=plain -t localhost:5000/team/web:1.8.1 . (apt Get/Unpack/Setting-up lines after the fifth of each kind left out) (apt \"Get:N <mirror URL>\" lines left out: they name the package mirror)",
            text: #"""
            #1 [internal] load build definition from Dockerfile
            #1 sha256:551f6e26d7f88641d624c6f9ecfa32ba964cf4c0f9a9c7c54d74dce98017945d
            #1 transferring dockerfile: 654B done
            #1 DONE 0.0s

            #2 [internal] load .dockerignore
            #2 sha256:7d6024071c8d8dff8cd25bb57bf79fa100c65826dad3f2435a46baa802114d77
            #2 transferring context: 57B done
            #2 DONE 0.0s

            #3 [internal] load metadata for localhost:5000/library/debian:bookworm-slim
            #3 sha256:dfc671449a2a9cc4c8327a4c2921c0a78649ed47e0016e2fc6d6fba2f32807e5
            #3 DONE 0.0s

            #4 [1/8] FROM localhost:5000/library/debian:bookworm-slim
            #4 sha256:40c427e613d9ef2c44751eef8d0abbf660f8ef2559a0c5cf79c95b0ca0c1c75a
            #4 DONE 0.0s

            #6 [internal] load build context
            #6 sha256:20bc42b00ad5934fa4faceb40e1f174d907cd5d706a186264e036ff0e52d22a6
            #6 transferring context: 214.10kB done
            #6 DONE 0.0s

            #5 [2/8] RUN apt-get update     && apt-get install -y --no-install-recommends python3 python3-venv ca-certificates     && rm -rf /var/lib/apt/lists/*
            #5 sha256:08becb5d6e1f915720708e251f635b176281910e977cd6f4fdf3161fe4f78f1a
            #5 2.112 Fetched 15.0 MB in 2s (7747 kB/s)
            #5 2.112 Reading package lists...
            #5 3.002 Reading package lists...
            #5 3.016 Building dependency tree...
            #5 3.359 The following additional packages will be installed:
            #5 3.360   libexpat1 libgssapi-krb5-2 libk5crypto3 libkeyutils1 libkrb5-3
            #5 3.360   libkrb5support0 libncursesw6 libnsl2 libpython3-stdlib libpython3.11-minimal
            #5 3.360   libpython3.11-stdlib libreadline8 libsqlite3-0 libssl3 libtirpc-common
            #5 3.361   libtirpc3 media-types openssl python3-distutils python3-lib2to3
            #5 3.361   python3-minimal python3-pip-whl python3-setuptools-whl python3.11
            #5 3.361   python3.11-minimal python3.11-venv readline-common
            #5 3.363 Suggested packages:
            #5 3.363   krb5-doc krb5-user python3-doc python3-tk python3.11-doc binutils
            #5 3.363   binfmt-support readline-doc
            #5 3.363 Recommended packages:
            #5 3.363   krb5-locales libgpm2
            #5 3.395 The following NEW packages will be installed:
            #5 3.395   ca-certificates libexpat1 libgssapi-krb5-2 libk5crypto3 libkeyutils1
            #5 3.395   libkrb5-3 libkrb5support0 libncursesw6 libnsl2 libpython3-stdlib
            #5 3.395   libpython3.11-minimal libpython3.11-stdlib libreadline8 libsqlite3-0 libssl3
            #5 3.397   libtirpc-common libtirpc3 media-types openssl python3 python3-distutils
            #5 3.397   python3-lib2to3 python3-minimal python3-pip-whl python3-setuptools-whl
            #5 3.397   python3-venv python3.11 python3.11-minimal python3.11-venv readline-common
            #5 3.435 0 upgraded, 30 newly installed, 0 to remove and 0 not upgraded.
            #5 3.435 Need to get 14.1 MB of archives.
            #5 3.435 After this operation, 40.4 MB of additional disk space will be used.
            #5 3.716 debconf: delaying package configuration, since apt-utils is not installed
            #5 3.762 Fetched 14.1 MB in 0s (129 MB/s)
            #5 3.793 Selecting previously unselected package libssl3:amd64.
            (Reading database ... 6096 files and directories currently installed.)
            #5 3.803 Preparing to unpack .../libssl3_3.0.20-1~deb12u2_amd64.deb ...
            #5 3.809 Unpacking libssl3:amd64 (3.0.20-1~deb12u2) ...
            #5 4.006 Selecting previously unselected package libpython3.11-minimal:amd64.
            #5 4.006 Preparing to unpack .../libpython3.11-minimal_3.11.2-6+deb12u8_amd64.deb ...
            #5 4.009 Unpacking libpython3.11-minimal:amd64 (3.11.2-6+deb12u8) ...
            #5 4.346 Selecting previously unselected package libexpat1:amd64.
            #5 4.348 Preparing to unpack .../libexpat1_2.5.0-1+deb12u2_amd64.deb ...
            #5 4.349 Unpacking libexpat1:amd64 (2.5.0-1+deb12u2) ...
            #5 4.387 Selecting previously unselected package python3.11-minimal.
            #5 4.387 Preparing to unpack .../python3.11-minimal_3.11.2-6+deb12u8_amd64.deb ...
            #5 4.396 Unpacking python3.11-minimal (3.11.2-6+deb12u8) ...
            #5 4.624 Setting up libssl3:amd64 (3.0.20-1~deb12u2) ...
            #5 4.628 Setting up libpython3.11-minimal:amd64 (3.11.2-6+deb12u8) ...
            #5 4.634 Setting up libexpat1:amd64 (2.5.0-1+deb12u2) ...
            #5 4.637 Setting up python3.11-minimal (3.11.2-6+deb12u8) ...
            #5 5.465 Selecting previously unselected package python3-minimal.
            (Reading database ... 6424 files and directories currently installed.)
            #5 5.467 Preparing to unpack .../00-python3-minimal_3.11.2-1+b1_amd64.deb ...
            #5 5.469 Unpacking python3-minimal (3.11.2-1+b1) ...
            #5 6.509 Setting up python3-minimal (3.11.2-1+b1) ...
            (Reading database ... 6932 files and directories currently installed.)
            #5 8.580 Updating certificates in /etc/ssl/certs...
            #5 9.680 142 added, 0 removed; done.
            #5 11.38 Processing triggers for libc-bin (2.36-9+deb12u14) ...
            #5 11.40 Processing triggers for ca-certificates (20230311+deb12u1) ...
            #5 11.41 Updating certificates in /etc/ssl/certs...
            #5 12.12 0 added, 0 removed; done.
            #5 12.12 Running hooks in /etc/ca-certificates/update.d...
            #5 12.13 done.
            #5 DONE 12.5s

            #7 [3/8] COPY corp-ca-bundle.pem /etc/ssl/certs/corp-ca-bundle.pem
            #7 sha256:aa29e683d0fd3fa264d30856349f478fa8923062a9dea57d077e1ff3d21890bb
            #7 DONE 0.0s

            #8 [4/8] WORKDIR /srv/app
            #8 sha256:0f2553c2aad1367899b311365d36621f22dcf3be1574d29450859edaf1fbf71d
            #8 DONE 0.0s

            #9 [5/8] COPY requirements.txt .
            #9 sha256:34115b35620d71f2501f34b5f6780db1d91f5b97e3f34a40044295d74b2dc6d9
            #9 DONE 0.0s

            #10 [6/8] RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install -r requirements.txt
            #10 sha256:44d52a1f71afdb76a210e9cf3d06460911409fa5ba217f9f1122ead923e86463
            #10 4.449 Collecting flask==3.1.3
            #10 4.514   Downloading flask-3.1.3-py3-none-any.whl (103 kB)
            #10 4.518      ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 103.4/103.4 kB 106.0 MB/s eta 0:00:00
            #10 4.569 Collecting gunicorn==23.0.0
            #10 4.573   Downloading gunicorn-23.0.0-py3-none-any.whl (85 kB)
            #10 4.577      ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 85.0/85.0 kB 131.9 MB/s eta 0:00:00
            #10 4.612 Collecting blinker>=1.9.0
            #10 4.616   Downloading blinker-1.9.0-py3-none-any.whl (8.5 kB)
            #10 4.665 Collecting click>=8.1.3
            #10 4.669   Downloading click-8.5.1-py3-none-any.whl (126 kB)
            #10 4.673      ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 126.2/126.2 kB 158.5 MB/s eta 0:00:00
            #10 4.699 Collecting itsdangerous>=2.2.0
            #10 4.703   Downloading itsdangerous-2.2.0-py3-none-any.whl (16 kB)
            #10 4.728 Collecting jinja2>=3.1.2
            #10 4.731   Downloading jinja2-3.1.6-py3-none-any.whl (134 kB)
            #10 4.733      ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 134.9/134.9 kB 282.3 MB/s eta 0:00:00
            #10 4.842 Collecting markupsafe>=2.1.1
            #10 4.846   Downloading markupsafe-3.0.4-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl (22 kB)
            #10 4.880 Collecting werkzeug>=3.1.0
            #10 4.882   Downloading werkzeug-3.1.9-py3-none-any.whl (228 kB)
            #10 4.885      ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 228.7/228.7 kB 325.7 MB/s eta 0:00:00
            #10 4.920 Collecting packaging
            #10 4.923   Downloading packaging-26.4-py3-none-any.whl (140 kB)
            #10 4.925      ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 140.0/140.0 kB 297.8 MB/s eta 0:00:00
            #10 4.994 Installing collected packages: packaging, markupsafe, itsdangerous, click, blinker, werkzeug, jinja2, gunicorn, flask
            #10 5.419 Successfully installed blinker-1.9.0 click-8.5.1 flask-3.1.3 gunicorn-23.0.0 itsdangerous-2.2.0 jinja2-3.1.6 markupsafe-3.0.4 packaging-26.4 werkzeug-3.1.9
            #10 DONE 5.5s

            #11 [7/8] COPY app/ ./app/
            #11 sha256:3c481e7d43edd9207ef7017a16dafce90b628e75a9d747f89a9f8128e402bf25
            #11 DONE 0.0s

            #12 [8/8] RUN useradd --system --uid 10001 app && chown -R app /srv/app
            #12 sha256:c07f0a050e74df880877434df8ce3b1d0babef18c334ba12db9c1214abd68831
            #12 0.060 useradd warning: app's uid 10001 is greater than SYS_UID_MAX 999
            #12 DONE 0.1s

            #13 exporting to image
            #13 sha256:e8c613e07b0b7ff33893b694f7759a10d42e180f2b4dc349fb57dc6b71dcab00
            #13 exporting layers
            #13 exporting layers 0.9s done
            #13 writing image sha256:8be0c118d7b71d2bfd22c40a889c214bdb2221ed2869b8bfb76dc1b680d831e6 done
            #13 naming to localhost:5000/team/web:1.8.1 done
            #13 DONE 0.9s
            """#
        ),
        (
            source:
                "captured on Debian 12, Docker 20.10.24 against a local registry: docker push (twice, second all 'Layer already exists'); docker pull into an empty image store; docker pull of present tags",
            text: #"""
            The push refers to repository [localhost:5000/library/debian]
            6e571b2529d6: Preparing
            6e571b2529d6: Pushed
            bookworm-slim: digest: sha256:54280a29a370643b6ca11eb721562ed0e0aee22e4c8c383f314e4c76587eb449 size: 528
            The push refers to repository [localhost:5000/team/web]
            4e53e785735c: Preparing
            1d8141cd5bca: Preparing
            a68f27d441b4: Preparing
            a3772f88c3fb: Preparing
            1d768b1e9bc0: Preparing
            df032a409388: Preparing
            12670c16fea6: Preparing
            6e571b2529d6: Preparing
            df032a409388: Waiting
            12670c16fea6: Waiting
            6e571b2529d6: Waiting
            1d8141cd5bca: Pushed
            a3772f88c3fb: Pushed
            1d768b1e9bc0: Pushed
            4e53e785735c: Pushed
            df032a409388: Pushed
            6e571b2529d6: Mounted from library/debian
            a68f27d441b4: Pushed
            12670c16fea6: Pushed
            1.8.1: digest: sha256:558deef071d0327e1c1275555683bfcf94fd17344919a3c69b73ba0dec48f778 size: 1991
            The push refers to repository [localhost:5000/team/web]
            4e53e785735c: Preparing
            1d8141cd5bca: Preparing
            a68f27d441b4: Preparing
            a3772f88c3fb: Preparing
            1d768b1e9bc0: Preparing
            df032a409388: Preparing
            12670c16fea6: Preparing
            df032a409388: Waiting
            6e571b2529d6: Preparing
            12670c16fea6: Waiting
            6e571b2529d6: Waiting
            a68f27d441b4: Layer already exists
            4e53e785735c: Layer already exists
            1d8141cd5bca: Layer already exists
            a3772f88c3fb: Layer already exists
            1d768b1e9bc0: Layer already exists
            df032a409388: Layer already exists
            6e571b2529d6: Layer already exists
            12670c16fea6: Layer already exists
            latest: digest: sha256:558deef071d0327e1c1275555683bfcf94fd17344919a3c69b73ba0dec48f778 size: 1991
            1.8.1: Pulling from team/web
            f69a63883376: Pulling fs layer
            6168be90ce2b: Pulling fs layer
            90a2c6ec68b8: Pulling fs layer
            ac6dc890f0f7: Pulling fs layer
            f1425c405950: Pulling fs layer
            9e8c4fd724ce: Pulling fs layer
            875b74369c5e: Pulling fs layer
            411ab8d7ec74: Pulling fs layer
            ac6dc890f0f7: Waiting
            f1425c405950: Waiting
            9e8c4fd724ce: Waiting
            875b74369c5e: Waiting
            411ab8d7ec74: Waiting
            90a2c6ec68b8: Verifying Checksum
            90a2c6ec68b8: Download complete
            ac6dc890f0f7: Verifying Checksum
            ac6dc890f0f7: Download complete
            f1425c405950: Verifying Checksum
            f1425c405950: Download complete
            9e8c4fd724ce: Verifying Checksum
            9e8c4fd724ce: Download complete
            875b74369c5e: Verifying Checksum
            875b74369c5e: Download complete
            411ab8d7ec74: Verifying Checksum
            411ab8d7ec74: Download complete
            6168be90ce2b: Verifying Checksum
            6168be90ce2b: Download complete
            f69a63883376: Verifying Checksum
            f69a63883376: Download complete
            f69a63883376: Pull complete
            6168be90ce2b: Pull complete
            90a2c6ec68b8: Pull complete
            ac6dc890f0f7: Pull complete
            f1425c405950: Pull complete
            9e8c4fd724ce: Pull complete
            875b74369c5e: Pull complete
            411ab8d7ec74: Pull complete
            Digest: sha256:558deef071d0327e1c1275555683bfcf94fd17344919a3c69b73ba0dec48f778
            Status: Downloaded newer image for localhost:5000/team/web:1.8.1
            localhost:5000/team/web:1.8.1
            bookworm-slim: Pulling from library/debian
            f69a63883376: Already exists
            Digest: sha256:54280a29a370643b6ca11eb721562ed0e0aee22e4c8c383f314e4c76587eb449
            Status: Downloaded newer image for localhost:5000/library/debian:bookworm-slim
            localhost:5000/library/debian:bookworm-slim
            latest: Pulling from team/web
            Digest: sha256:558deef071d0327e1c1275555683bfcf94fd17344919a3c69b73ba0dec48f778
            Status: Downloaded newer image for localhost:5000/team/web:latest
            localhost:5000/team/web:latest
            """#
        ),
        (
            source:
                "captured on Debian 12, node v20.20.2 / npm 10.8.2: npm install; npm ci; npm run lint; npm run build; npm test (node --test)",
            text: #"""
            added 5 packages in 1s

            1 package is looking for funding
              run `npm fund` for details

            added 5 packages in 990ms

            1 package is looking for funding
              run `npm fund` for details

            > webapp@1.4.0 lint
            > node --check src/index.js

            > webapp@1.4.0 build
            > node scripts/build.js

            dist/index.js written

            > webapp@1.4.0 test
            > node --test

            TAP version 13
            # Subtest: greets by name
            ok 1 - greets by name
              ---
              duration_ms: 2.479818
              ...
            # Subtest: greets empty
            ok 2 - greets empty
              ---
              duration_ms: 0.327772
              ...
            # Subtest: edge cases
                # Subtest: unicode
                ok 1 - unicode
                  ---
                  duration_ms: 0.489424
                  ...
                # Subtest: network
                ok 2 - network # SKIP
                  ---
                  duration_ms: 0.206686
                  ...
                1..2
            ok 3 - edge cases
              ---
              duration_ms: 1.48997
              type: 'suite'
              ...
            1..3
            # tests 4
            # suites 1
            # pass 3
            # fail 0
            # cancelled 0
            # skipped 1
            # todo 0
            # duration_ms 229.162442
            """#
        ),
        (
            source:
                "https://github.com/saurabhclg/Saurabh-DevOps-assessment/blob/799213f6b9a74e2e40c100e8d1e1fbd3cadbad38/CI_CD_pipeline/README.md (GitHub Actions step: npm install, npm test with Jest)",
            text: #"""
            Run npm install
              npm install
              npm run build --if-present
              npm run test --if-present
              shell: /usr/bin/bash -e {0}

            npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it. Check out lru-cache if you want a good and tested way to coalesce async requests by a key value, which is much more comprehensive and powerful.
            npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported
            npm warn deprecated supertest@6.3.4: Please upgrade to supertest v7.1.3+, see release notes at https://github.com/forwardemail/supertest/releases/tag/v7.1.3 - maintenance is supported by Forward Email @ https://forwardemail.net
            npm warn deprecated superagent@8.1.2: Please upgrade to superagent v10.2.2+, see release notes at https://github.com/forwardemail/superagent/releases/tag/v10.2.2 - maintenance is supported by Forward Email @ https://forwardemail.net

            added 355 packages, and audited 356 packages in 12s

            50 packages are looking for funding
              run `npm fund` for details

            found 0 vulnerabilities

            > hello-abb@1.0.0 test
            > jest

            PASS test/app.test.js
              GET /
                ✓ should return Hello ABB (24 ms)

            Test Suites: 1 passed, 1 total
            Tests:       1 passed, 1 total
            Snapshots:   0 total
            Time:        0.469 s
            Ran all test suites.
            """#
        ),
        (
            source:
                "captured on Debian 12, yarn 1.22.19 (Debian yarnpkg), file: dependencies: yarn install; yarn install --frozen-lockfile; yarn build; yarn test",
            text: #"""
            yarn install v1.22.19
            info No lockfile found.
            [1/4] Resolving packages...
            [2/4] Fetching packages...
            [3/4] Linking dependencies...
            [4/4] Building fresh packages...
            success Saved lockfile.
            Done in 0.63s.
            yarn install v1.22.19
            [1/4] Resolving packages...
            success Already up-to-date.
            Done in 0.41s.
            yarn run v1.22.19
            $ node scripts/build.js
            built 1 files into dist/
            Done in 0.28s.
            yarn run v1.22.19
            $ node --test test/
            TAP version 13
            # Subtest: formats minutes
            ok 1 - formats minutes
              ---
              duration_ms: 2.806838
              ...
            # Subtest: formats hours
            ok 2 - formats hours
              ---
              duration_ms: 0.259765
              ...
            1..2
            # tests 2
            # suites 0
            # pass 2
            # fail 0
            # cancelled 0
            # skipped 0
            # todo 0
            # duration_ms 184.70495
            Done in 0.57s.
            """#
        ),
        (
            source:
                "captured on Debian 12, Terraform v1.11.4 (built-in terraform_data only): terraform init; terraform validate; terraform plan -out=tfplan; terraform apply -auto-approve tfplan",
            text: #"""
            Initializing the backend...
            Initializing provider plugins...
            - terraform.io/builtin/terraform is built in to Terraform

            Terraform has been successfully initialized!

            You may now begin working with Terraform. Try running "terraform plan" to see
            any changes that are required for your infrastructure. All Terraform commands
            should now work.

            If you ever set or change modules or backend configuration for Terraform,
            rerun this command to reinitialize your working directory. If you forget, other
            commands will detect it and remind you to do so if necessary.
            Success! The configuration is valid.

            Terraform used the selected providers to generate the following execution
            plan. Resource actions are indicated with the following symbols:
              + create

            Terraform will perform the following actions:

              # terraform_data.bucket will be created
              + resource "terraform_data" "bucket" {
                  + id     = (known after apply)
                  + input  = {
                      + name = "build-cache-staging"
                      + tags = {
                          + environment = "staging"
                          + team        = "platform"
                        }
                    }
                  + output = (known after apply)
                }

              # terraform_data.replica[0] will be created
              + resource "terraform_data" "replica" {
                  + id     = (known after apply)
                  + input  = "build-cache-staging-replica-0"
                  + output = (known after apply)
                }

              # terraform_data.replica[1] will be created
              + resource "terraform_data" "replica" {
                  + id     = (known after apply)
                  + input  = "build-cache-staging-replica-1"
                  + output = (known after apply)
                }

            Plan: 3 to add, 0 to change, 0 to destroy.

            Changes to Outputs:
              + bucket_name = (known after apply)

            ─────────────────────────────────────────────────────────────────────────────

            Saved the plan to: tfplan

            To perform exactly these actions, run the following command to apply:
                terraform apply "tfplan"
            terraform_data.bucket: Creating...
            terraform_data.replica[1]: Creating...
            terraform_data.bucket: Creation complete after 0s [id=cc77ee98-5928-60ea-68b4-b27c04457877]
            terraform_data.replica[0]: Creating...
            terraform_data.replica[0]: Creation complete after 0s [id=1290e4f6-ed72-10f4-b22d-d20d5e10ee60]
            terraform_data.replica[1]: Creation complete after 0s [id=82f1912a-3af7-f7c7-0b6e-3be221c45a4d]

            Apply complete! Resources: 3 added, 0 changed, 0 destroyed.

            Outputs:

            bucket_name = "build-cache-staging"
            """#
        ),
        (
            source:
                "captured on Debian 12, git 2.39: git clone --progress file://… (terminal view of the progress lines); git checkout -b; git checkout HEAD~2; git checkout -; git fetch --all --prune -v",
            text: #"""
            Cloning into 'beads'...
            remote: Enumerating objects: 669, done.
            remote: Counting objects: 100% (669/669), done.
            remote: Compressing objects: 100% (277/277), done.
            remote: Total 669 (delta 393), reused 654 (delta 378), pack-reused 0
            Receiving objects: 100% (669/669), 310.20 KiB | 31.02 MiB/s, done.
            Resolving deltas: 100% (393/393), done.
            Switched to a new branch 'feature/ordinary-corpus'
            Note: switching to 'HEAD~2'.

            You are in 'detached HEAD' state. You can look around, make experimental
            changes and commit them, and you can discard any commits you make in this
            state without impacting any branches by switching back to a branch.

            If you want to create a new branch to retain commits you create, you may
            do so (now or later) by using -c with the switch command. Example:

              git switch -c <new-branch-name>

            Or undo this operation with:

              git switch -

            Turn off this advice by setting config variable advice.detachedHead to false

            HEAD is now at 069d8e1 Doc commands share DocFiles (resolve, read, absolute) instead of calling into DocLintCommand and repeating the root-or-absolute path rule; lint --fix edits the texts it already read; label add/remove share one transaction helper; a test's no-op line removed
            Previous HEAD position was 069d8e1 Doc commands share DocFiles (resolve, read, absolute) instead of calling into DocLintCommand and repeating the root-or-absolute path rule; lint --fix edits the texts it already read; label add/remove share one transaction helper; a test's no-op line removed
            Switched to branch 'feature/ordinary-corpus'
            From file:///work/main
             = [up to date]      main       -> origin/main
            """#
        ),
        (
            source:
                "https://github.com/pluhin/sa.it-academy.by/blob/f59b1f5cfe513d6986a1aa5820214f90b636462c/Andrei_Bakaushyn/04.GitOPS/README.md (GitHub Actions job log; git progress lines below 100% and the tj-actions changed-files/glob steps left out)",
            text: #"""
            2022-06-20T09:27:57.8718342Z Requested labels: ubuntu-latest
            2022-06-20T09:27:57.8718388Z Job defined at: AndreiBakaushyn/Demo_repository/.github/workflows/4_github_action.yaml@refs/heads/main
            2022-06-20T09:27:57.8718409Z Waiting for a runner to pick up this job...
            2022-06-20T09:27:59.0533013Z Job is waiting for a hosted runner to come online.
            2022-06-20T09:28:02.5800132Z Job is about to start running on the hosted runner: Hosted Agent (hosted)
            2022-06-20T09:28:05.8688847Z Current runner version: '2.293.0'
            2022-06-20T09:28:05.8714453Z ##[group]Operating System
            2022-06-20T09:28:05.8715078Z Ubuntu
            2022-06-20T09:28:05.8715362Z 20.04.4
            2022-06-20T09:28:05.8715588Z LTS
            2022-06-20T09:28:05.8715894Z ##[endgroup]
            2022-06-20T09:28:05.8716221Z ##[group]Virtual Environment
            2022-06-20T09:28:05.8716575Z Environment: ubuntu-20.04
            2022-06-20T09:28:05.8716904Z Version: 20220614.0
            2022-06-20T09:28:05.8717442Z Included Software: https://github.com/actions/virtual-environments/blob/ubuntu20/20220614.0/images/linux/Ubuntu2004-Readme.md
            2022-06-20T09:28:05.8718059Z Image Release: https://github.com/actions/virtual-environments/releases/tag/ubuntu20%2F20220614.0
            2022-06-20T09:28:05.8718508Z ##[endgroup]
            2022-06-20T09:28:05.8718888Z ##[group]Virtual Environment Provisioner
            2022-06-20T09:28:05.8719247Z 1.0.0.0-main-20220531-1
            2022-06-20T09:28:05.8719525Z ##[endgroup]
            2022-06-20T09:28:05.8720262Z ##[group]GITHUB_TOKEN Permissions
            2022-06-20T09:28:05.8720726Z Contents: read
            2022-06-20T09:28:05.8721120Z Metadata: read
            2022-06-20T09:28:05.8721570Z ##[endgroup]
            2022-06-20T09:28:05.8724695Z Secret source: Actions
            2022-06-20T09:28:05.8725211Z Prepare workflow directory
            2022-06-20T09:28:05.9556832Z Prepare all required actions
            2022-06-20T09:28:05.9724954Z Getting action download info
            2022-06-20T09:28:06.2491288Z Download action repository 'actions/checkout@v2' (SHA:7884fcad6b5d53d10323aee724dc68d8b9096a2e)
            2022-06-20T09:28:07.5078820Z Download action repository 'tj-actions/changed-files@v13.1' (SHA:2c85495a7bb72f2734cb5181e29b2ee5e08e61f7)
            2022-06-20T09:28:08.3632568Z Download action repository 'actions/upload-artifact@v2' (SHA:82c141cc518b40d92cc801eee768e7aafc9c2fa2)
            2022-06-20T09:28:09.5008829Z Getting action download info
            2022-06-20T09:28:09.7258242Z Download action repository 'tj-actions/glob@v3.3' (SHA:5021d1972563d56de23480a8d5eb667d6d128c0a)
            2022-06-20T09:28:10.8356149Z ##[group]Run actions/checkout@v2
            2022-06-20T09:28:10.8356482Z with:
            2022-06-20T09:28:10.8356733Z   fetch-depth: 0
            2022-06-20T09:28:10.8357076Z   repository: AndreiBakaushyn/Demo_repository
            2022-06-20T09:28:10.8357640Z   token: ***
            2022-06-20T09:28:10.8357875Z   ssh-strict: true
            2022-06-20T09:28:10.8358148Z   persist-credentials: true
            2022-06-20T09:28:10.8358425Z   clean: true
            2022-06-20T09:28:10.8358636Z   lfs: false
            2022-06-20T09:28:10.8358881Z   submodules: false
            2022-06-20T09:28:10.8359149Z   set-safe-directory: true
            2022-06-20T09:28:10.8359403Z ##[endgroup]
            2022-06-20T09:28:11.1697302Z Syncing repository: AndreiBakaushyn/Demo_repository
            2022-06-20T09:28:11.1700601Z ##[group]Getting Git version info
            2022-06-20T09:28:11.1702461Z Working directory is '/home/runner/work/Demo_repository/Demo_repository'
            2022-06-20T09:28:11.1703160Z [command]/usr/bin/git version
            2022-06-20T09:28:11.1838365Z git version 2.36.1
            2022-06-20T09:28:11.1839727Z ##[endgroup]
            2022-06-20T09:28:11.1858286Z Temporarily overriding HOME='/home/runner/work/_temp/a2baadd6-3a66-40cb-853b-9949374074f3' before making global git config changes
            2022-06-20T09:28:11.1858749Z Adding repository directory to the temporary git global config as a safe directory
            2022-06-20T09:28:11.1859307Z [command]/usr/bin/git config --global --add safe.directory /home/runner/work/Demo_repository/Demo_repository
            2022-06-20T09:28:11.1893470Z Deleting the contents of '/home/runner/work/Demo_repository/Demo_repository'
            2022-06-20T09:28:11.1906951Z ##[group]Initializing the repository
            2022-06-20T09:28:11.1907379Z [command]/usr/bin/git init /home/runner/work/Demo_repository/Demo_repository
            2022-06-20T09:28:11.1995551Z hint: Using 'master' as the name for the initial branch. This default branch name
            2022-06-20T09:28:11.1996388Z hint: is subject to change. To configure the initial branch name to use in all
            2022-06-20T09:28:11.1997597Z hint: of your new repositories, which will suppress this warning, call:
            2022-06-20T09:28:11.1998324Z hint:
            2022-06-20T09:28:11.1998820Z hint: 	git config --global init.defaultBranch <name>
            2022-06-20T09:28:11.1999558Z hint:
            2022-06-20T09:28:11.2000435Z hint: Names commonly chosen instead of 'master' are 'main', 'trunk' and
            2022-06-20T09:28:11.2001321Z hint: 'development'. The just-created branch can be renamed via this command:
            2022-06-20T09:28:11.2001762Z hint:
            2022-06-20T09:28:11.2002562Z hint: 	git branch -m <name>
            2022-06-20T09:28:11.2010886Z Initialized empty Git repository in /home/runner/work/Demo_repository/Demo_repository/.git/
            2022-06-20T09:28:11.2020720Z [command]/usr/bin/git remote add origin https://github.com/AndreiBakaushyn/Demo_repository
            2022-06-20T09:28:11.2120834Z ##[endgroup]
            2022-06-20T09:28:11.2121726Z ##[group]Disabling automatic garbage collection
            2022-06-20T09:28:11.2126337Z [command]/usr/bin/git config --local gc.auto 0
            2022-06-20T09:28:11.2163257Z ##[endgroup]
            2022-06-20T09:28:11.2164146Z ##[group]Setting up auth
            2022-06-20T09:28:11.2173120Z [command]/usr/bin/git config --local --name-only --get-regexp core\.sshCommand
            2022-06-20T09:28:11.2223711Z [command]/usr/bin/git submodule foreach --recursive git config --local --name-only --get-regexp 'core\.sshCommand' && git config --local --unset-all 'core.sshCommand' || :
            2022-06-20T09:28:11.2689839Z [command]/usr/bin/git config --local --name-only --get-regexp http\.https\:\/\/github\.com\/\.extraheader
            2022-06-20T09:28:11.2720640Z [command]/usr/bin/git submodule foreach --recursive git config --local --name-only --get-regexp 'http\.https\:\/\/github\.com\/\.extraheader' && git config --local --unset-all 'http.https://github.com/.extraheader' || :
            2022-06-20T09:28:11.3004097Z [command]/usr/bin/git config --local http.https://github.com/.extraheader AUTHORIZATION: basic ***
            2022-06-20T09:28:11.3026204Z ##[endgroup]
            2022-06-20T09:28:11.3026947Z ##[group]Fetching the repository
            2022-06-20T09:28:11.3039361Z [command]/usr/bin/git -c protocol.version=2 fetch --prune --progress --no-recurse-submodules origin +refs/heads/*:refs/remotes/origin/* +refs/tags/*:refs/tags/*
            2022-06-20T09:28:12.0910738Z remote: Enumerating objects: 123, done.
            2022-06-20T09:28:12.1509911Z remote: Counting objects: 100% (123/123), done.
            2022-06-20T09:28:12.1554383Z remote: Compressing objects: 100% (87/87), done.
            2022-06-20T09:28:12.1657629Z remote: Total 123 (delta 38), reused 81 (delta 16), pack-reused 0
            2022-06-20T09:28:12.1752440Z Receiving objects: 100% (123/123), 16.89 KiB | 8.45 MiB/s, done.
            2022-06-20T09:28:12.1768198Z Resolving deltas: 100% (38/38), done.
            2022-06-20T09:28:12.1834878Z From https://github.com/AndreiBakaushyn/Demo_repository
            2022-06-20T09:28:12.1835845Z  * [new branch]      main       -> origin/main
            2022-06-20T09:28:12.1879062Z [command]/usr/bin/git branch --list --remote origin/main
            2022-06-20T09:28:12.1898245Z   origin/main
            2022-06-20T09:28:12.1906881Z [command]/usr/bin/git rev-parse refs/remotes/origin/main
            2022-06-20T09:28:12.1936182Z d31404031a8182a9a2003b2fec7171344d7dbf8a
            2022-06-20T09:28:12.1941499Z ##[endgroup]
            2022-06-20T09:28:12.1942503Z ##[group]Determining the checkout info
            2022-06-20T09:28:12.1943487Z ##[endgroup]
            2022-06-20T09:28:12.1944414Z ##[group]Checking out the ref
            2022-06-20T09:28:12.1947749Z [command]/usr/bin/git checkout --progress --force -B main refs/remotes/origin/main
            2022-06-20T09:28:12.1996873Z Switched to a new branch 'main'
            2022-06-20T09:28:12.1998425Z branch 'main' set up to track 'origin/main'.
            2022-06-20T09:28:12.2004343Z ##[endgroup]
            2022-06-20T09:28:12.2047978Z [command]/usr/bin/git log -1 --format='%H'
            2022-06-20T09:28:12.2078072Z 'd31404031a8182a9a2003b2fec7171344d7dbf8a'
            2022-06-20T09:28:12.5271263Z ##[group]Run actions/upload-artifact@v2
            2022-06-20T09:28:12.5271517Z with:
            2022-06-20T09:28:12.5271726Z   path: files.log
            2022-06-20T09:28:12.5271947Z   name: artifact
            2022-06-20T09:28:12.5272171Z   if-no-files-found: warn
            2022-06-20T09:28:12.5272408Z ##[endgroup]
            2022-06-20T09:28:12.5892416Z With the provided path, there will be 1 file uploaded
            2022-06-20T09:28:12.5895385Z Starting artifact upload
            2022-06-20T09:28:12.5896666Z For more detailed logs during the artifact upload process, enable step-debugging: https://docs.github.com/actions/monitoring-and-troubleshooting-workflows/enabling-debug-logging#enabling-step-debug-logging
            2022-06-20T09:28:12.5897996Z Artifact name is valid!
            2022-06-20T09:28:12.8609377Z Container for artifact "artifact" successfully created. Starting upload of file(s)
            2022-06-20T09:28:13.0299774Z Total size of all the files uploaded is 47 bytes
            2022-06-20T09:28:13.0300286Z File upload process has finished. Finalizing the artifact upload
            2022-06-20T09:28:13.1220719Z Artifact has been finalized. All files have been successfully uploaded!
            2022-06-20T09:28:13.1221270Z
            2022-06-20T09:28:13.1224538Z The raw size of all the files that were specified for upload is 47 bytes
            2022-06-20T09:28:13.1225224Z The size of all the files that were uploaded is 47 bytes. This takes into account any gzip compression used to reduce the upload size, time and storage
            2022-06-20T09:28:13.1228365Z
            2022-06-20T09:28:13.1229314Z Note: The size of downloaded zips can differ significantly from the reported size. For more information see: https://github.com/actions/upload-artifact#zipped-artifact-downloads
            2022-06-20T09:28:13.1231397Z
            2022-06-20T09:28:13.1231705Z Artifact artifact has been successfully uploaded!
            2022-06-20T09:28:13.1296509Z Post job cleanup.
            2022-06-20T09:28:13.2519036Z [command]/usr/bin/git version
            2022-06-20T09:28:13.2566779Z git version 2.36.1
            2022-06-20T09:28:13.2614934Z Temporarily overriding HOME='/home/runner/work/_temp/bd2040dc-4826-4298-997f-6b04b819c42a' before making global git config changes
            2022-06-20T09:28:13.2617325Z Adding repository directory to the temporary git global config as a safe directory
            2022-06-20T09:28:13.2624133Z [command]/usr/bin/git config --global --add safe.directory /home/runner/work/Demo_repository/Demo_repository
            2022-06-20T09:28:13.2663817Z [command]/usr/bin/git config --local --name-only --get-regexp core\.sshCommand
            2022-06-20T09:28:13.2698772Z [command]/usr/bin/git submodule foreach --recursive git config --local --name-only --get-regexp 'core\.sshCommand' && git config --local --unset-all 'core.sshCommand' || :
            2022-06-20T09:28:13.2935622Z [command]/usr/bin/git config --local --name-only --get-regexp http\.https\:\/\/github\.com\/\.extraheader
            2022-06-20T09:28:13.2995064Z http.https://github.com/.extraheader
            2022-06-20T09:28:13.3005278Z [command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader
            2022-06-20T09:28:13.3042238Z [command]/usr/bin/git submodule foreach --recursive git config --local --name-only --get-regexp 'http\.https\:\/\/github\.com\/\.extraheader' && git config --local --unset-all 'http.https://github.com/.extraheader' || :
            2022-06-20T09:28:13.3513764Z Cleaning up orphan processes
            """#
        ),
        (
            source:
                "https://github.com/VodyakovDenis/devops-netology/blob/dc065ef88b14c16d8c56a4b7ffea72071f1869fb/diplom/README.md (two GitLab CI job logs: terraform validate job, kubectl deploy job)",
            text: #"""
            Running with gitlab-runner 16.2.1 (674e0e29)
              on gitlab-runner-1 GvwJgJtvC, system ID: s_3b0069d0acea
            section_start:1708003106:prepare_executor
            Preparing the "docker" executor
            Using Docker executor with image hashicorp/terraform:light ...
            Pulling docker image hashicorp/terraform:light ...
            Using docker image sha256:22ae929e925c6bdb60846c05fbee4f15ef15bd02d101e23f34dd6be69cace0f3 for hashicorp/terraform:light with digest hashicorp/terraform@sha256:2734886211a482abaff7efbbfd8bdb32295c9c35dda124092d46f39b69f47c42 ...
            section_end:1708003113:prepare_executor
            section_start:1708003113:prepare_script
            Preparing environment
            Running on runner-gvwjgjtvc-project-3-concurrent-0 via gitlab-runner-1...
            section_end:1708003114:prepare_script
            section_start:1708003114:get_sources
            Getting source from Git repository
            Fetching changes with git depth set to 20...
            Reinitialized existing Git repository in /builds/test/diplom-terraform/.git/
            Checking out f7372221 as detached HEAD (ref is main)...
            Removing .terraform.lock.hcl
            Removing .terraform/

            Skipping Git submodules setup
            section_end:1708003117:get_sources
            section_start:1708003117:step_script
            Executing "step_script" stage of the job script
            Using docker image sha256:22ae929e925c6bdb60846c05fbee4f15ef15bd02d101e23f34dd6be69cace0f3 for hashicorp/terraform:light with digest hashicorp/terraform@sha256:2734886211a482abaff7efbbfd8bdb32295c9c35dda124092d46f39b69f47c42 ...
            $ cp .terraformrc /root/.terraformrc
            $ rm -rf .terraform
            $ terraform --version
            Terraform v1.4.2
            on linux_amd64

            Your version of Terraform is out of date! The latest version
            is 1.7.3. You can update by downloading from https://www.terraform.io/downloads.html
            $ export GITLAB_ACCESS_TOKEN=$GITLAB_TOCKEN
            $ sed -i "s/__TOKEN__/$TOKEN/" variables.tf
            $ terraform init

            Initializing the backend...

            Successfully configured the backend "http"! Terraform will automatically
            use this backend unless the backend configuration changes.

            Initializing provider plugins...
            - Finding latest version of yandex-cloud/yandex...
            - Finding latest version of hashicorp/random...
            - Installing yandex-cloud/yandex v0.108.0...
            - Installed yandex-cloud/yandex v0.108.0 (unauthenticated)
            - Installing hashicorp/random v3.6.0...
            - Installed hashicorp/random v3.6.0 (unauthenticated)

            Terraform has created a lock file .terraform.lock.hcl to record the provider
            selections it made above. Include this file in your version control repository
            so that Terraform can guarantee to make the same selections by default when
            you run "terraform init" in the future.

            ╷
            │ Warning: Incomplete lock file information for providers
            │
            │ Due to your customized provider installation methods, Terraform was forced
            │ to calculate lock file checksums locally for the following providers:
            │   - hashicorp/random
            │   - yandex-cloud/yandex
            │
            │ The current .terraform.lock.hcl file only includes checksums for
            │ linux_amd64, so Terraform running on another platform will fail to install
            │ these providers.
            │
            │ To calculate additional checksums for another platform, run:
            │   terraform providers lock -platform=linux_amd64
            │ (where linux_amd64 is the platform to generate)
            ╵

            Terraform has been successfully initialized!

            You may now begin working with Terraform. Try running "terraform plan" to see
            any changes that are required for your infrastructure. All Terraform commands
            should now work.

            If you ever set or change modules or backend configuration for Terraform,
            rerun this command to reinitialize your working directory. If you forget, other
            commands will detect it and remind you to do so if necessary.
            $ terraform validate
            Success! The configuration is valid.

            section_end:1708003130:step_script
            section_start:1708003130:cleanup_file_variables
            Cleaning up project directory and file based variables
            section_end:1708003131:cleanup_file_variables
            Job succeeded

            Running with gitlab-runner 16.8.0 (c72a09b6)
              on gitlab-runner-cd899f6c-c59x5 WGXp7y8sR, system ID: r_Tgu3xwZqfvt8
            section_start:1708008303:prepare_executor
            Preparing the "kubernetes" executor
            Using Kubernetes namespace: gitlab
            Using Kubernetes executor with image gcr.io/cloud-builders/kubectl:latest ...
            Using attach strategy to execute scripts...
            section_end:1708008303:prepare_executor
            section_start:1708008303:prepare_script
            Preparing environment
            Using FF_USE_POD_ACTIVE_DEADLINE_SECONDS, the Pod activeDeadlineSeconds will be set to the job timeout: 1h0m0s...
            Waiting for pod gitlab/runner-wgxp7y8sr-project-2-concurrent-0-c5kki1hy to be running, status is Pending
            Waiting for pod gitlab/runner-wgxp7y8sr-project-2-concurrent-0-c5kki1hy to be running, status is Pending
            	ContainersNotReady: "containers with unready status: [build helper]"
            	ContainersNotReady: "containers with unready status: [build helper]"
            Running on runner-wgxp7y8sr-project-2-concurrent-0-c5kki1hy via gitlab-runner-cd899f6c-c59x5...

            section_end:1708008316:prepare_script
            section_start:1708008316:get_sources
            Getting source from Git repository
            Fetching changes with git depth set to 20...
            Initialized empty Git repository in /builds/test/diplom-site/.git/
            Created fresh repository.
            Checking out 06cfd51d as detached HEAD (ref is 0.1.0)...

            Skipping Git submodules setup

            section_end:1708008327:get_sources
            section_start:1708008327:step_script
            Executing "step_script" stage of the job script
            $ kubectl config set-cluster kubernetes --server="$KUBE_URL" --insecure-skip-tls-verify=true
            Cluster "kubernetes" set.
            $ kubectl config set-credentials admin --token="$KUBE_TOKEN"
            User "admin" set.
            $ kubectl config set-context default --cluster=kubernetes --user=admin
            Context "default" created.
            $ kubectl config use-context default
            Switched to context "default".
            $ sed -i "s/__VERSION__/$CI_COMMIT_TAG/" diplom-app.yml
            $ kubectl apply -f diplom-app.yml
            deployment.apps/diplom-app created
            service/diplom-app created
            ingress.networking.k8s.io/diplom-app created

            section_end:1708008344:step_script
            section_start:1708008344:cleanup_file_variables
            Cleaning up project directory and file based variables

            section_end:1708008345:cleanup_file_variables
            Job succeeded
            """#
        ),
        (
            source:
                "https://github.com/1mr0-tech/logcloak/blob/670370117fb92d26b17733df873ab026f0f61c5a/GUIDE.md (helm repo update/search/install, kubectl rollout status/get/create/label/apply on k3s; output blocks in order)",
            text: #"""
            Hang tight while we grab the latest from your chart repositories...
            ...Successfully got an update from the "logcloak" chart repository
            Update Complete. ⎈Happy Helming!⎈
            NAME              CHART VERSION  APP VERSION  DESCRIPTION
            logcloak/logcloak 0.2.2          0.2.2        Real-time Kubernetes pod log masker — redacts P...
            NAME: logcloak
            LAST DEPLOYED: Thu Apr 23 13:44:48 2026
            NAMESPACE: logcloak
            STATUS: deployed
            REVISION: 1
            TEST SUITE: None
            Waiting for deployment "logcloak" rollout to finish: 0 of 2 updated replicas are available...
            Waiting for deployment "logcloak" rollout to finish: 1 of 2 updated replicas are available...
            deployment "logcloak" successfully rolled out
            NAME                        READY   STATUS    RESTARTS   AGE
            logcloak-68c64b8fb4-67gmb   2/2     Running   0          50s
            logcloak-68c64b8fb4-bj6gp   2/2     Running   0          50s
            namespace/production created
            namespace "production" labeled
            NAME         STATUS   AGE   LABELS
            production   Active   17s   kubernetes.io/metadata.name=production,logcloak.io/inject=true
            maskingpolicy.logcloak.io/pii-baseline created
            NAME           AGE
            pii-baseline   5s
            """#
        ),
    ]
}
