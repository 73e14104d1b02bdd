import Testing

@testable import BeadsKnowledge

/// The exception line of a trace is the error; its header, frames and the runtime's
/// chatter are context. `create --from-error` takes the line the reader chooses.
@Suite struct StackTraceReaderTests {
    func chosen(_ log: String) -> String? { ErrorSignature.generalize(log)?.text }

    @Test func pythonsExceptionLineNotItsHeader() {
        let log = """
            Traceback (most recent call last):
              File "/app/main.py", line 3, in <module>
                import app.settings
            ModuleNotFoundError: No module named 'app'
            """
        #expect(chosen(log) == "ModuleNotFoundError: No module named 'app'")
        let roles = StackTraceReader.roles(of: log.split(separator: "\n").map(String.init))
        #expect(roles == [.context, .frame, .frame, .exception])
    }

    @Test func pythonsChainEndsInWhatWasRaisedLast() {
        let log = """
            Traceback (most recent call last):
              File "a.py", line 1, in <module>
            KeyError: 'x'

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "a.py", line 3, in <module>
            ssl.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed
            """
        #expect(chosen(log) == "ssl.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    }

    @Test func nodesErrorNotItsThrowLine() {
        let log = """
            node:events:495
                  throw er; // Unhandled 'error' event
                  ^

            Error: listen EADDRINUSE: address already in use :::3000
                at Server.setupListenHandle [as _listen2] (node:net:1817:16)
                at listenInCluster (node:net:1865:12)
            Emitted 'error' event on Server instance at:
            Node.js v18.17.0
            """
        #expect(chosen(log) == "Error: listen EADDRINUSE: address already in use :::3000")
    }

    @Test func v8sFatalErrorNotItsGCLines() {
        let log = """
            <--- Last few GCs --->
            [1821:0x5c8b7a0]    61142 ms: Mark-sweep 2041.9 (2083.1) -> 2040.8 (2083.4) MB, 1722.1 / 0.0 ms  (average mu = 0.111) allocation failure; scavenge might not succeed
            <--- JS stacktrace --->
            FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
             1: 0xb7b7c0 node::Abort() [node]
            """
        #expect(chosen(log) == "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory")
    }

    @Test func goPanicsJavaCausesDotNetAndRuby() {
        #expect(
            chosen(
                """
                panic: runtime error: invalid memory address or nil pointer dereference
                [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0xb4c7d6]

                goroutine 1 [running]:
                main.main()
                \t/src/cmd/app/main.go:58 +0x1a5
                """) == "panic: runtime error: invalid memory address or nil pointer dereference")
        let java = """
            org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource'
            \tat org.springframework.beans.factory.support.AbstractBeanFactory.getBean(AbstractBeanFactory.java:208)
            Caused by: java.lang.IllegalStateException: Failed to determine a suitable driver class
            \t... 42 more
            """
        let roles = StackTraceReader.roles(of: java.split(separator: "\n").map(String.init))
        #expect(roles == [.exception, .frame, .exception, .frame])
        #expect(
            chosen(
                """
                Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.
                   at Worker.Nfe.Emitter.Send(Invoice invoice) in /src/Emitter.cs:line 42
                """) == "Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.")
        #expect(
            chosen(
                """
                /usr/lib/ruby/3.3.0/bundler/definition.rb:564:in `materialize': Could not find nokogiri-1.15.4 in locally installed gems (Bundler::GemNotFound)
                \tfrom /usr/lib/ruby/3.3.0/bundler/definition.rb:197:in `specs'
                """)?.hasPrefix("/usr/lib/ruby/3.3.0/bundler/definition.rb:564:in `materialize': Could not find") == true)
    }

    /// A Kubernetes event of type Warning is the failure, not a warning about one.
    @Test func aWarningEventIsTheFailure() {
        let log = """
            Events:
              Type     Reason            Age   From               Message
              ----     ------            ----  ----               -------
              Warning  FailedScheduling  12s   default-scheduler  0/6 nodes are available: 3 Insufficient memory, 3 node(s) had untolerated taint
            """
        #expect(chosen(log)?.hasPrefix("Warning  FailedScheduling") == true)
        #expect(
            chosen("npm WARN deprecated request@2.88.2: request has been deprecated\nnpm ERR! code ENOTEMPTY") == "npm ERR! code ENOTEMPTY")
    }
}
