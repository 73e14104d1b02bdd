#!/usr/bin/env python3
"""Fits the matcher's scorer (MatchModel) on the dev corpus, and writes its weights.

  bench/fit-scorer.py [--beads PATH] [--reuse] [--dry-run]

1. Every dev case (bench/corpus.py's list, dev split only: sealed teams are never read
   here) is run through `beads match --features`, which prints each candidate signature's
   features. The dump is kept in bench/scoring/dev-features.jsonl.gz (--reuse reads it
   instead of running the binary).
2. A case holds one instance per bead retrieved for it: the bead's best candidate. The
   label is whether the bead is the case's. Which candidate is a bead's best depends on
   the weights, so the fit alternates: pick each bead's best candidate, fit a logistic
   regression (L2, Newton's method), pick again (multiple-instance learning, MI-SVM style).
3. The threshold is chosen under cross-validation by family (every family's cases are
   scored by a model fitted without that family): the lowest threshold whose top-1
   predictions have a precision of at least 0.98, counting a wrong bead and any match of
   a look-alike as errors.
4. Sources/BeadsKnowledge/Matching/MatchModel+Weights.swift and bench/scoring/fit-report.json
   are written with the figures that produced them.

Needs numpy.
"""
import collections, gzip, json, os, subprocess, sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib
corpus = importlib.import_module("corpus")

ROOT = corpus.ROOT
OUT = os.path.join(ROOT, "bench", "scoring")
DUMP = os.path.join(OUT, "dev-features.jsonl.gz")
SWIFT = os.path.join(ROOT, "Sources", "BeadsKnowledge", "Matching", "MatchModel+Weights.swift")
PRECISION = 0.98
RIDGE = 1.0
# Features that order beads sharing a text but are not evidence that a paste is its error:
# the scorer gives them no weight (KnownErrorFinder ranks by them). Weighed as evidence, a
# bead's title taught the scorer the dev teams' habit of naming bugs after their errors,
# and a doc whose bead is titled otherwise (the shipped one's) lost its matches.
RANKING_ONLY = {"title_affinity"}


def dump(binary):
    """Runs every dev case through `beads match --features`."""
    rows = []
    for name, split, kb, path in corpus.corpora():
        if split != "dev":
            continue
        d = corpus.scratch(kb)
        try:
            for c in corpus.cases(path):
                p = subprocess.run([binary, "match", "--features", "--kb", d], input=c["text"].encode(), capture_output=True)
                cands = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
                rows.append({"corpus": name, "id": c["id"], "family": f'{name}/{c["family"]}', "label": c["label"],
                             "candidates": [{"bead": x["bead"], "text": x["text"][:160], "always": x["always"],
                                             "features": x["features"]} for x in cands]})
        finally:
            corpus.shutil.rmtree(d)
        print(f"  {name}: {sum(1 for r in rows if r['corpus'] == name)} cases", file=sys.stderr)
    os.makedirs(OUT, exist_ok=True)
    with gzip.open(DUMP, "wt") as f:
        for r in rows:
            f.write(json.dumps(r, sort_keys=True) + "\n")
    return rows


def load():
    with gzip.open(DUMP, "rt") as f:
        rows = [json.loads(l) for l in f]
    if any("always" not in c for r in rows for c in r["candidates"]):
        sys.exit(f"{DUMP} predates `match --features` reporting which candidates always match; run without --reuse")
    return rows


def groups(rows, names):
    """Per case: per bead, the candidates' feature matrix and whether each may always match."""
    out = []
    for r in rows:
        beads = collections.OrderedDict()
        for c in r["candidates"]:
            beads.setdefault(c["bead"], []).append(c)
        # Whether a candidate always matches (a paste line that is a doc's own error line)
        # is the binary's rule, KnownErrorFinder.alwaysMatches, reported by `match --features`.
        out.append([(bead, np.array([[0.0 if n in RANKING_ONLY else c["features"][n] for n in names] for c in cs]),
                     np.array([c["always"] for c in cs]),
                     bead == r["label"]) for bead, cs in beads.items()])
    return out


def fit(instances, labels, ridge=RIDGE):
    """L2-regularised logistic regression by Newton's method; the bias is not penalised."""
    X = np.hstack([np.ones((len(instances), 1)), instances])
    y = np.array(labels, dtype=float)
    w = np.zeros(X.shape[1])
    penalty = np.eye(X.shape[1]) * ridge
    penalty[0, 0] = 0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        g = X.T @ (p - y) + penalty @ w
        H = (X * (p * (1 - p))[:, None]).T @ X + penalty + 1e-9 * np.eye(X.shape[1])
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def prob(w, M):
    return 1 / (1 + np.exp(-np.clip(w[0] + M @ w[1:], -30, 30)))


def fit_mil(case_groups, rounds=6):
    """Alternates between each bead's best candidate and the fit."""
    # First pick: the candidate with the best alignment and coverage.
    pick = [[int(np.argmax(M[:, 0] + M[:, 1])) for _, M, _, _ in g] for g in case_groups]
    w = None
    for _ in range(rounds):
        X, y = [], []
        for g, picks in zip(case_groups, pick):
            for (bead, M, _, label), k in zip(g, picks):
                X.append(M[k]); y.append(label)
        w = fit(np.array(X), y)
        new = [[int(np.argmax(prob(w, M))) for _, M, _, _ in g] for g in case_groups]
        if new == pick:
            break
        pick = new
    return w


def decide(w, g, threshold):
    """The finder's decision for one case: the best bead and its score, or None."""
    best, score = None, -1.0
    for bead, M, always, _ in g:
        p = prob(w, M)
        p = np.where(always, np.maximum(p, threshold), p)
        k = int(np.argmax(p))
        if p[k] > score:
            best, score = bead, float(p[k])
    return best, score


def tally(predictions, threshold):
    right = wrong = fp = pos = neg = 0
    for label, bead, score in predictions:
        matched = bead if score >= threshold else None
        if label:
            pos += 1
            right += matched == label
            wrong += matched is not None and matched != label
        else:
            neg += 1
            fp += matched is not None
    predicted = right + wrong + fp
    return {"right": right, "positives": pos, "wrong": wrong, "false_positives": fp, "negatives": neg,
            "precision": right / predicted if predicted else 1.0, "recall": right / pos if pos else 0.0}


def cross_validate(rows, case_groups):
    """Every family scored by a model fitted without it (leave one family out, in folds)."""
    families = sorted(set(r["family"] for r in rows))
    folds = 10
    by_fold = {f: k % folds for k, f in enumerate(families)}
    scored = []
    for k in range(folds):
        train = [g for r, g in zip(rows, case_groups) if by_fold[r["family"]] != k]
        test = [(r, g) for r, g in zip(rows, case_groups) if by_fold[r["family"]] == k]
        if not test:
            continue
        w = fit_mil(train)
        scored += [(r, w, g) for r, g in test]
    return scored


def choose_threshold(scored):
    """The lowest threshold reaching the precision goal; when none does, the one with the
    best F0.5 (precision weighted twice recall), said so in the report."""
    results = []
    for t in np.arange(0.30, 0.96, 0.01):
        t = round(float(t), 2)
        results.append((t, tally([(r["label"], *decide(w, g, t)) for r, w, g in scored], t)))
    reaching = [x for x in results if x[1]["precision"] >= PRECISION]
    if reaching:
        return max(reaching, key=lambda x: x[1]["recall"]) + ("precision goal reached",)
    def f05(r):
        p, q = r["precision"], r["recall"]
        return 1.25 * p * q / (0.25 * p + q) if p + q else 0
    best = max(results, key=lambda x: f05(x[1]))
    return best + (f"precision goal {PRECISION} not reached under cross-validation; threshold of best F0.5",)


def write_swift(names, w, threshold, report):
    lines = [
        "// Written by bench/fit-scorer.py from bench/scoring/dev-features.jsonl.gz; do not edit by hand.",
        f"// Dev corpus: {report['cases']} cases in {report['families']} families. Under cross-validation by family,",
        f"// {report['chosen']}: precision {report['cv']['precision']:.3f}, recall {report['cv']['recall']:.3f}"
        f" ({report['cv']['right']}/{report['cv']['positives']} right at top-1, {report['cv']['wrong']} wrong bead,"
        f" {report['cv']['false_positives']}/{report['cv']['negatives']} look-alikes matched).",
        "extension MatchModel {",
        f"    public static let threshold = {threshold}",
        f"    public static let bias = {w[0]:.4f}",
        "    static let weights: [String: Double] = [",
    ]
    for n, v in zip(names, w[1:]):
        lines.append(f'        "{n}": {v:.4f},')
    lines += ["    ]", "}", ""]
    open(SWIFT, "w").write("\n".join(lines))


def main():
    args = sys.argv[1:]
    binary = args[args.index("--beads") + 1] if "--beads" in args else os.path.join(ROOT, ".build/debug/beads")
    rows = load() if "--reuse" in args else dump(binary)
    names = list(rows[0]["candidates"][0]["features"].keys()) if rows and rows[0]["candidates"] else []
    for r in rows:
        for c in r["candidates"]:
            names = names or list(c["features"].keys())
    case_groups = groups(rows, names)
    scored = cross_validate(rows, case_groups)
    threshold, cv, how = choose_threshold(scored)
    w = fit_mil(case_groups)
    fitted = tally([(r["label"], *decide(w, g, threshold)) for r, g in zip(rows, case_groups)], threshold)
    report = {"cases": len(rows), "families": len(set(r["family"] for r in rows)), "threshold": threshold, "chosen": how,
              "curve": {str(t): tally([(r["label"], *decide(w2, g, t)) for r, w2, g in scored], t) for t in (0.3, 0.5, 0.7, 0.9)},
              "precision_goal": PRECISION, "ridge": RIDGE, "cv": cv, "fitted": fitted,
              "weights": dict(zip(["bias"] + names, [round(float(x), 4) for x in w]))}
    print(json.dumps({k: v for k, v in report.items() if k != "weights"}, indent=1))
    if "--dry-run" in args:
        return
    os.makedirs(OUT, exist_ok=True)
    json.dump(report, open(os.path.join(OUT, "fit-report.json"), "w"), indent=1)
    write_swift(names, w, threshold, report)


if __name__ == "__main__":
    main()
