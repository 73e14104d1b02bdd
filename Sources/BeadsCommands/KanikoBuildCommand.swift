import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct KanikoBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build and push images as Kaniko Jobs (or in a running builder with --runner).",
        discussion: HelpText.prose(
            """
            Examples:
              beads kaniko build --all
              beads kaniko build --image ghcr.io/org/api:latest=api/
              beads kaniko build --image ghcr.io/org/web:dev=git://github.com/org/web.git:Dockerfile.dev
              beads kaniko build --runner deployment/kaniko-build-runner --script /scripts/build-all.sh
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var options: KanikoOptions
    @Option(name: .customLong("image"), help: ArgumentHelp("An image to build (repeatable).", valueName: "DEST=CONTEXT[:DOCKERFILE]"))
    var images: [String] = []
    @Flag(help: "Build every image listed in beads/config.yaml.")
    var all = false
    @Option(help: "Executor image (default: kaniko.executor).")
    var executor: String?
    @Option(help: "Give up on a build after this many seconds (default: kaniko.timeout).")
    var timeout: Int?
    @Option(help: ArgumentHelp("Exec the build script in this running builder instead of creating Jobs.", valueName: "deployment/NAME"))
    var runner: String?
    @Option(help: "With --runner: the script to exec in it.")
    var script: String?

    func validate() throws {
        for image in images where KanikoImage(argument: image) == nil {
            throw ValidationError("--image \(image): write DEST=CONTEXT[:DOCKERFILE], e.g. ghcr.io/org/api:latest=api/")
        }
        if !images.isEmpty, all { throw ValidationError("give --image or --all, not both") }
        if runner != nil, !images.isEmpty || all {
            throw ValidationError("--runner runs the builder's own script; it takes no --image or --all")
        }
        if script != nil, runner == nil { throw ValidationError("--script goes with --runner") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() async throws {
        let base = try kb.openIfPresent()
        var settings = try options.settings(base)
        if let executor { settings.executor = executor }
        if let timeout { settings.timeoutSeconds = timeout }
        let environment = CommandContext.current.environment
        let masker = SecretMasker(environment: environment)
        let out = MaskingLineWriter(masker: masker) { Terminal.rawStandardOutput.write($0) }
        let err = MaskingLineWriter(masker: masker) { Terminal.rawStandardError.write($0) }
        let log: @Sendable (Data, Bool) -> Void = { data, isError in (isError ? err : out).write(data) }
        defer {
            out.flush()
            err.flush()
        }

        if let runner = runner ?? (images.isEmpty && !all ? settings.runner : nil) {
            guard let script = script ?? settings.runnerScript else {
                throw CommandFailure.usage(
                    "name the script to exec in \(runner) with --script (or kaniko.runner_script in beads/config.yaml)")
            }
            if options.dryRun {
                Terminal.standardOutput.write("kubectl exec \(runner) -n \(settings.namespace) -- \(script)\n")
                return
            }
            let kubectl = try kubectlOrFail(environment, settings)
            let status = try await KanikoBuilder(settings: settings, kubectl: kubectl).runInRunner(runner, script: script, log: log)
            if status != 0 { throw CommandFailure("\(script) in \(runner) failed (exit \(status))", exitCode: status) }
            return
        }
        let chosen = all ? settings.images : images.compactMap(KanikoImage.init(argument:))
        guard !chosen.isEmpty else { throw CommandFailure.usage(KanikoError.noImages.description) }
        let suffix = String((0..<5).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement()! })
        if options.dryRun {
            var first = true
            for image in chosen {
                let manifest = try settings.jobManifest(for: image, name: KanikoSettings.jobName(for: image, suffix: suffix))
                Terminal.standardOutput.write((first ? "" : "---\n") + manifest.prettyEncoded() + "\n")
                first = false
            }
            return
        }
        let kubectl = try kubectlOrFail(environment, settings)
        let builder = KanikoBuilder(settings: settings, kubectl: kubectl)
        var failures = 0
        for image in chosen {
            Terminal.standardOutput.write(
                "▶ \(image.destination): Kaniko Job in namespace \(settings.namespace) (executor \(settings.executor))\n")
            let result = try await builder.build(image, suffix: suffix, log: log)
            out.flush()
            err.flush()
            if result.succeeded {
                Terminal.standardOutput.write(
                    "✔ \(image.destination) pushed\(result.digest.map { " as \($0)" } ?? "") (job \(result.job))\n")
            } else {
                failures += 1
                Terminal.standardOutput.write(
                    "✘ \(image.destination) failed (job \(result.job)); see `kubectl logs job/\(result.job) -n \(settings.namespace)`\n")
            }
        }
        if failures > 0 { throw CommandFailure("\(failures) of \(chosen.count) image build(s) failed") }
    }

    func kubectlOrFail(_ environment: [String: String], _ settings: KanikoSettings) throws -> Kubectl {
        return try Kubectl(environment: environment, namespace: settings.namespace)
    }
}
