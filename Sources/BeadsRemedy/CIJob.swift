/// Which CI job a process runs in, from the variables each CI service sets, so a hit
/// recorded in CI points back at the job that failed. Nil outside CI (or in a CI this
/// does not know).
public enum CIJob {
    public static func identify(environment: [String: String]) -> String? {
        func value(_ key: String) -> String? {
            guard let v = environment[key], !v.isEmpty else { return nil }
            return v
        }
        if value("GITHUB_ACTIONS") == "true", let run = value("GITHUB_RUN_ID") {
            return "github:" + [value("GITHUB_REPOSITORY"), run, value("GITHUB_JOB")].compactMap { $0 }.joined(separator: "/")
        }
        if value("GITLAB_CI") != nil, let job = value("CI_JOB_ID") {
            return "gitlab:" + [value("CI_PROJECT_PATH"), job].compactMap { $0 }.joined(separator: "/")
        }
        if let tag = value("BUILD_TAG"), value("JENKINS_URL") != nil { return "jenkins:" + tag }
        if value("BUILDKITE") == "true", let job = value("BUILDKITE_JOB_ID") { return "buildkite:" + job }
        if value("CIRCLECI") == "true", let build = value("CIRCLE_BUILD_NUM") {
            return "circleci:" + [value("CIRCLE_PROJECT_REPONAME"), build].compactMap { $0 }.joined(separator: "/")
        }
        if let build = value("BUILD_BUILDID"), value("TF_BUILD") != nil { return "azure:" + build }
        return nil
    }
}
