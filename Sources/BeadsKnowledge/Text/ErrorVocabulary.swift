import BeadsStore
import Foundation

/// The one home of the word lists that decide what a line of output is: an error, a
/// command someone typed, or a wrapper that says a step failed without saying why.
/// The docs scanner, the paste index and `create --from-error` all read them from here.
public enum ErrorVocabulary {
    /// Phrases that make a line read like an error (ASCII, lowercase).
    static let errorMarkers = [
        "error", "err!", "fail", "fatal", "cannot", "can't", "could not", "couldn't", "unable", "denied", "invalid",
        "exception", "panic", "not permitted", "not supported", "no such", "not found", "refused", "timed out",
        "timeout", "unexpected", "unknown", "forbidden", "exceeded", "killed", "no space", "exit code", "non-zero",
        "missing", "undefined", "not exist", "unauthorized", "toomanyrequests", "back-off", "backoff", "conflict",
        "unsupported", "oomkilled", "not allowed", "rejected", "aborted", "crash", "traceback", "segmentation",
        "unreachable", "no matching", "lock", "certificate", "eacces", "enoent", "enospc", "enotempty", "eperm",
        "eai_again", "enotfound", "getaddrinfo", "etimedout", "econnrefused", "econnreset", "oom",
    ]

    static let markerBytes = errorMarkers.map { Array($0.utf8) }

    /// Whether a line holds one of the error markers, ASCII case-insensitively (or is
    /// apt's `E: …`). The bytes are matched by `ErrorLineScanner`, the one matcher of
    /// these markers, which `triage` runs over whole logs.
    public static func readsLikeError(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return ErrorLineScanner.readsLikeError(base, 0, min(bytes.count, LogNormalizer.maxLineBytes), ErrorLineScanner.tables)
        }
    }

    /// Whether a line is a warning by its level: one of its first four words (after a
    /// timestamp or a step number) is WARN, warning, W: or a deprecation.
    public static func readsLikeWarning(_ text: String) -> Bool {
        text.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true).prefix(4).contains { word in
            let w = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]():"))
            return w.hasPrefix("warn") || w.hasPrefix("deprecat") || word == "W:"
        }
    }

    /// Whether a line holds one of the generic wrapper phrases.
    static func holdsGenericPhrase(_ text: String) -> Bool {
        var line = Array(text.utf8.prefix(LogNormalizer.maxLineBytes))
        for k in line.indices where line[k] >= 0x41 && line[k] <= 0x5A { line[k] |= 0x20 }
        return contains(lowercased: line, anyOf: genericPhraseBytes)
    }

    static let genericPhraseBytes = genericPhrases.map { Array($0.utf8) }

    /// Whether lowercased bytes hold one of the lowercased byte strings.
    static func contains(lowercased line: [UInt8], anyOf markers: [[UInt8]]) -> Bool {
        for marker in markers where marker.count <= line.count {
            let first = marker[0]
            var k = 0
            let last = line.count - marker.count
            while k <= last {
                if line[k] == first {
                    var j = 1
                    while j < marker.count, line[k + j] == marker[j] { j += 1 }
                    if j == marker.count { return true }
                }
                k += 1
            }
        }
        return false
    }

    /// Programs people type at a prompt. A line that starts with one of these followed
    /// by an argument (not a colon: `ssh: connect to host …` is the program's error) is
    /// a command, context for an error rather than the error.
    static let commandWords: Set<String> = [
        "docker", "podman", "buildah", "kubectl", "helm", "k9s", "kind", "minikube", "npm", "npx", "yarn", "pnpm", "node",
        "pip", "pip3", "python", "python3", "poetry", "pipenv", "conda", "mvn", "./mvnw", "gradle", "./gradlew",
        "gradlew", "java", "terraform", "tofu", "terragrunt", "git", "ssh", "scp", "ssh-add", "ssh-keygen", "curl",
        "wget", "make", "go", "cargo", "rustc", "apt", "apt-get", "apk", "yum", "dnf", "brew", "sudo", "bash", "sh",
        "zsh", "cd", "export", "ls", "cat", "echo", "aws", "gcloud", "az", "gh", "bd", "beads", "dig", "nslookup",
        "ping", "systemctl", "journalctl", "df", "du", "free", "dmesg", "openssl", "nvm", "ansible", "ansible-playbook",
        "devpod", "kaniko", "executor", "crictl", "ctr", "nerdctl", "swift", "dotnet", "composer", "bundle", "gem",
    ]

    /// Whether a line is a command someone typed: a shell prompt (`$ `, `# `, `> `,
    /// `user@host:~$ `, `[user@host dir]$ `, `PS C:\> `) or a known program followed
    /// by an argument, with no error marker in it.
    public static func readsLikeCommand(_ line: String) -> Bool {
        let text = line.trimmingBlanks()
        for prompt in ["$ ", "% ", "> ", "# ", "❯ ", "➜ ", "PS "] where text.hasPrefix(prompt) {
            // `# 12 0.5 …` is BuildKit; `# comment` is a comment, context all the same.
            return !(prompt == "# " && text.dropFirst(2).first?.isNumber == true)
        }
        if let promptEnd = promptEnd(text) { return promptEnd < text.count }
        let words = text.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, commandWords.contains(words[0].lowercased()) else { return false }
        return !readsLikeError(text)
    }

    /// `user@host:~/dir$ ` or `[user@host dir]$ ` or `root@box:/# `: where the typed
    /// command starts.
    static func promptEnd(_ text: String) -> Int? {
        let chars = Array(text)
        guard let at = chars.firstIndex(of: "@"), at > 0, !chars[..<at].contains(" ") || chars.first == "[" else { return nil }
        for k in (at + 1)..<min(chars.count, at + 120) where chars[k] == "$" || chars[k] == "#" {
            let before = chars[at..<k]
            guard before.contains(":") || before.contains("]") || before.contains(" ") else { continue }
            if k + 1 < chars.count, chars[k + 1] == " " { return k + 2 }
        }
        return nil
    }

    /// What a build prints when a step failed, whatever the cause: these say *that* it
    /// failed, never *why*, so they identify no known error.
    public static let genericFailureLines = [
        "ERROR: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2",
        "The command '/bin/sh -c npm ci' returned a non-zero code: 1",
        "Error: Process completed with exit code 1.",
        "##[error]Process completed with exit code 1.",
        "ERROR: Job failed: exit code 1",
        "ERROR: Job failed: command terminated with exit code 1",
        "make: *** [Makefile:12: build] Error 1",
        "make[1]: *** [all] Error 2",
        "npm ERR! A complete log of this run can be found in: /root/.npm/_logs/debug-0.log",
        "npm ERR! This is probably not a problem with npm. There is likely additional logging output above.",
        "npm ERR! code ELIFECYCLE",
        "npm ERR! errno 1",
        "error Command failed with exit code 1.",
        "info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.",
        "FAILURE: Build failed with an exception.",
        "* What went wrong:",
        "* Try: Run with --stacktrace option to get the stack trace. Run with --info or --debug option to get more log output.",
        "BUILD FAILED in 12s",
        "[ERROR] BUILD FAILURE",
        "[ERROR] -> [Help 1]",
        "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
        "[ERROR] For more information about the errors and possible solutions, please read the following articles:",
        "Error: buildx failed with: ERROR: failed to solve: failed to compute cache key",
        "Error response from daemon: Get",
        "See 'docker run --help'.",
        "Error: Command failed: /bin/sh -c exit 1",
        "exit status 1",
        "Traceback (most recent call last):",
        "subprocess-exited-with-error",
        "note: This error originates from a subprocess, and is likely not a problem with pip.",
        "Script returned exit code 1",
        "Build step 'Execute shell' marked build as failure",
        "Finished: FAILURE",
        "The job exceeded the maximum time limit for jobs, and has been terminated.",
        "Error: The operation was canceled.",
        "error: failed to run custom build command",
        "ERROR: failed to build: failed to solve",
        "Cleaning up project directory and file based variables",
        "fatal: Could not read from remote repository.",
        "Please make sure you have the correct access rights",
        "and the repository exists.",
        "N: Updating from such a repository can't be done securely, and is therefore disabled by default.",
        "N: See apt-secure(8) manpage for repository creation and user configuration details.",
    ]

    /// Phrases of those wrappers: a line holding one is context, not the error.
    static let genericPhrases = [
        "did not complete successfully", "returned a non-zero code", "process completed with exit code", "job failed",
        "a complete log of this run", "this is probably not a problem with", "command failed with exit code",
        "build failed with an exception", "what went wrong", "build failure", "re-run maven using", "-> [help 1]",
        "for more information about the errors", "script returned exit code", "marked build as failure",
        "finished: failure", "run with --stacktrace", "run with --info", "likely not a problem with pip",
        "subprocess-exited-with-error", "npm err! code elifecycle", "npm err! errno", "npm error code elifecycle",
        "see 'docker run --help'", "additional logging output above",
        "errors were encountered while processing", "error: failed to build", "to see the full report",
        // git, after any failure to reach a remote: a bad key, an unknown host key, a
        // repository that does not exist.
        "could not read from remote repository", "make sure you have the correct access rights",
        "and the repository exists",
        // apt, after any repository it could not use.
        "updating from such a repository can't be done securely", "see apt-secure(8) manpage",
    ]

    /// Error strings of the C library and the Go runtime: shared by countless different
    /// failures, so alone they tell none apart.
    public static let errnoMessages = [
        "invalid argument", "operation not permitted", "permission denied", "no such file or directory",
        "connection refused", "connection reset by peer", "broken pipe", "input/output error", "resource busy",
        "device or resource busy", "file exists", "not a directory", "is a directory", "bad file descriptor",
        "resource temporarily unavailable", "operation timed out", "context deadline exceeded", "i/o timeout",
        "unexpected eof", "exec format error", "function not implemented", "read-only file system",
    ]
}
