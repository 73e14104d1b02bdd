import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsRemedy

@Suite struct SecretMaskerTests {
    @Test func secretNamedVariablesAndTokenShapesAreMasked() {
        let masker = SecretMasker(environment: [
            "REGISTRY_PASSWORD": "hunter2hunter2", "API_KEY": "k-123456", "HOME": "/root", "DEBUG": "1",
        ])
        let text = "login with hunter2hunter2 and k-123456 as ghp_0123456789abcdefABCDEF and github_pat_11ABCDEFG0123456789 in /root"
        #expect(masker.mask(text) == "login with *** and *** as *** and *** in /root")
    }

    @Test func shortValuesAndBarePrefixesAreLeftAlone() {
        let masker = SecretMasker(environment: ["TOKEN_TTL": "60"])
        #expect(masker.mask("ttl 60, see ghp_ in the docs") == "ttl 60, see ghp_ in the docs")
    }

    @Test func aSecretSplitAcrossReadsIsStillMasked() {
        let collected = Collected()
        let writer = MaskingLineWriter(masker: SecretMasker(environment: ["GITHUB_TOKEN": "ghs_splitacrosschunks99"])) { collected.add($0) }
        writer.write(Data("token: ghs_split".utf8))
        writer.write(Data("acrosschunks99\nnext".utf8))
        writer.flush()
        #expect(collected.text == "token: ***\nnext")
    }

    /// Output with no newline is flushed every 64 KiB; a secret across that point used
    /// to leave in clear, its start in one flush and its end in the next.
    @Test(arguments: [65_530, 65_536 - 4, 65_537, 65_520])
    func aSecretAcrossTheFlushBoundaryIsMasked(padding: Int) {
        let value = "s3cr3t-value-of-the-registry-password"
        let collected = Collected()
        let writer = MaskingLineWriter(masker: SecretMasker(environment: ["REGISTRY_PASSWORD": value])) { collected.add($0) }
        let token = "ghp_" + String(repeating: "A1b2", count: 9)
        writer.write(Data((String(repeating: "x", count: padding) + value + " and " + token).utf8))
        writer.write(Data((" " + String(repeating: "y", count: 70_000)).utf8))
        writer.flush()
        #expect(!collected.text.contains("s3cr3t"))
        #expect(!collected.text.contains("ghp_A1b2"))
        #expect(collected.text.contains("*** and ***"))
        #expect(collected.text.utf8.count == padding + 12 + 70_000)
    }

    /// Credentials in the formats real tools print them (fakes, of the real shapes): each
    /// is masked by its shape with no environment to tell, and what says what it was stays.
    static let credentialShapes: [(line: String, secret: String, kept: String)] = [
        (
            "fatal: unable to access 'https://alice:hunter2pass@git.example.com/team/app.git/': 403", "hunter2pass",
            "https://alice:***@git.example.com"
        ),
        ("Authorization: Bearer ya29.a0AfH6SMBx3kq-fake-token-Zz09", "ya29.a0AfH6SMBx3kq-fake-token-Zz09", "Authorization: Bearer ***"),
        (
            "curl -H 'Authorization: token 0123456789abcdef0123456789abcdef01234567' https://api.example.com",
            "0123456789abcdef0123456789abcdef01234567", "Authorization: token ***"
        ),
        ("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE", "AWS_ACCESS_KEY_ID="),
        (
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws_secret_access_key = ***"
        ),
        ("export AWS_SESSION_TOKEN=ASIAY34FZKBOKMUTVV7A", "ASIAY34FZKBOKMUTVV7A", "AWS_SESSION_TOKEN="),
        (
            "google.api_core.exceptions: key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe rejected", "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
            "rejected"
        ),
        (
            "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net",
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq", "AccountName=acme;AccountKey=***"
        ),
        (
            "GET https://acme.blob.core.windows.net/c/b.txt?sv=2021-06-08&se=2026-01-01&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA%3D%3D 403",
            "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA", "&sig=***"
        ),
        (
            "slack: invalid_auth for xoxb-2213412341234-1234123412341-AbCdEfGhIjKlMnOpQrStUvWx",
            "xoxb-2213412341234-1234123412341-AbCdEfGhIjKlMnOpQrStUvWx", "invalid_auth for ***"
        ),
        (
            "POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX failed",
            "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "hooks.slack.com/services/***"
        ),
        ("remote: HTTP Basic: Access denied glpat-xY3zAbCdEfGhIjKlMnOp", "glpat-xY3zAbCdEfGhIjKlMnOp", "Access denied ***"),
        (
            "//registry.npmjs.org/:_authToken=npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
            "_authToken=***"
        ),
        (
            "npm ERR! 401 token npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ9876543210 is expired", "npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ9876543210",
            "is expired"
        ),
        (
            "twine upload -p pypi-AgEIcHlwaS5vcmcCJGRmYWtlLXRva2VuLWZvci10ZXN0cw dist/*",
            "pypi-AgEIcHlwaS5vcmcCJGRmYWtlLXRva2VuLWZvci10ZXN0cw", "dist/*"
        ),
        ("DATABASE_URL=postgres://app:S3cretPw@db:5432/app", "S3cretPw", "postgres://app:***@db"),
        ("psql: password=Tr0ub4dor&3 host=db", "Tr0ub4dor", "password=***"),
        (#"{"client_secret": "GOCSPX-fakeClientSecret123", "client_id": "abc"}"#, "GOCSPX-fakeClientSecret123", #""client_id": "abc""#),
        (
            "token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "token: ***"
        ),
        ("stripe: sk_live_4eC39HqLyjWDarjtT1zdp7dc rejected", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "rejected"),
        (
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----\nerror: key rejected",
            "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun", "error: key rejected"
        ),
        (
            #"{"private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n"}"#,
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", "-----BEGIN PRIVATE KEY-----"
        ),
    ]

    @Test(arguments: credentialShapes.indices)
    func credentialsAreMaskedByTheirShape(index: Int) {
        let (line, secret, kept) = Self.credentialShapes[index]
        let masked = SecretMasker(environment: [:]).mask(line)
        #expect(!masked.contains(secret), "\(masked)")
        #expect(masked.contains(kept), "\(masked)")
        #expect(masked.contains(SecretMasker.replacement))
    }

    /// Error text that speaks of credentials without holding one is left as it is: the
    /// matcher must still see it.
    @Test func errorsAboutCredentialsAreLeftAlone() {
        let lines = [
            #"FATAL:  password authentication failed for user "postgres""#,
            "SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
            "SyntaxError: Unexpected token: }",
            #"Error from server (NotFound): secrets "db-creds" not found"#,
            "Host key verification failed.",
            "Permissions 0644 for '/home/ci/.ssh/id_rsa' are too open.",
            "remote: Support for password authentication was removed on August 13, 2021.",
            "npm ERR! code E401 Unable to authenticate, need: Basic realm=\"GitHub Package Registry\"",
            "openai: max_tokens=4096 exceeds the limit",
            "git clone https://github.com/acme/app.git failed",
            "1045 Access denied for user 'nawadmin'@'%' (using password: YES)",
            "Access denied for user 'root'@'localhost' (using password: NO)",
        ]
        for line in lines { #expect(SecretMasker(environment: [:]).mask(line) == line) }
    }

    /// A private key in a child's output never leaves, however its lines are written.
    @Test func aPrivateKeyWrittenLineByLineIsMasked() {
        let collected = Collected()
        let writer = MaskingLineWriter(masker: SecretMasker(environment: [:])) { collected.add($0) }
        for line in [
            "loading key\n", "-----BEGIN OPENSSH PRIVATE KEY-----\n", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n",
            "AAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACBaFakeFake\n", "-----END OPENSSH PRIVATE KEY-----\n", "done\n",
        ] {
            writer.write(Data(line.utf8))
        }
        writer.flush()
        #expect(!collected.text.contains("b3BlbnNzaC1rZXkt") && !collected.text.contains("AAAAAAABAAAAMwAAAAtzc2"), "\(collected.text)")
        #expect(
            collected.text.hasPrefix("loading key\n-----BEGIN OPENSSH PRIVATE KEY-----") && collected.text.hasSuffix("done\n"),
            "\(collected.text)")
    }

    /// Credential shapes spliced into one another at random places: masking never
    /// crashes, never leaves a listed secret, and masking again changes nothing.
    @Test func maskingSplicedShapesIsTotalAndIdempotent() {
        var random = SeededRandom(state: 0x5EC2E7)
        let masker = SecretMasker(environment: [:])
        let lines = Self.credentialShapes.map(\.line)
        for _ in 0..<500 {
            var text = lines[Int(random.next() % UInt64(lines.count))]
            for _ in 0..<Int(random.next() % 3) {
                let other = lines[Int(random.next() % UInt64(lines.count))]
                let at = text.index(text.startIndex, offsetBy: Int(random.next() % UInt64(text.count + 1)))
                text.insert(contentsOf: " " + other + " ", at: at)
            }
            let once = masker.mask(text)
            #expect(masker.mask(once) == once, "\(text)")
        }
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var partsStorage: [String] = []
        var parts: [Int] {
            lock.lock()
            defer { lock.unlock() }
            return partsStorage.map(\.utf8.count)
        }
        func add(_ s: String) {
            lock.lock()
            partsStorage.append(s)
            lock.unlock()
        }
        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return partsStorage.joined()
        }
    }
}
