#!/usr/bin/env python3
"""Builds a WARC test corpus with warcio (an independent WARC writer, from PyPI).

    python3 scripts/make_warc_corpus.py OUT.warc.gz PAGE [PAGE...]   # .html or .html.gz pages

Writes OUT.warc.gz (one gzip member per record) and OUT.warc.gz.json, a manifest of what a
reader must find:
  - "good": the target URIs of the HTML pages that must be stored exactly once
    (one request + one response record each, the first page also served in Latin-1 with the
    charset in the HTTP header when it is not UTF-8);
  - "duplicates": records a reader must drop (same URL again; same body under a new URL);
  - "skipped": records that are not articles (warcinfo, request, metadata, a 404, an image);
  - "broken": records that must each be reported as one error, reading going on after them:
    a truncated gzip member, a member whose WARC header is garbage, a record whose block is
    shorter than its Content-Length, a response whose body claims gzip but is not.
Pages come from the command line: the committed fixtures (crates/web/tests/pages) in tests,
the benchmark's dev pages (../shared/eval/html/html) for speed figures. Nothing from
../shared is ever written into the repository: the corpus goes where OUT says (a temp dir).
"""
import gzip
import io
import json
import os
import sys
import zlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page_bytes(path):
    raw = open(path, "rb").read()
    return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw


def member(writer_fn):
    """One record written alone, as its own gzip member."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    writer_fn(w)
    return buf.getvalue()


def response(w, uri, body, content_type="text/html; charset=utf-8", status="200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type),
                                        ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    rec = w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
    w.write_record(rec)


def request(w, uri):
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.test")], is_http_request=True)
    rec = w.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=headers)
    w.write_record(rec)


def main():
    out, pages = sys.argv[1], sys.argv[2:]
    if not pages:
        sys.exit("usage: make_warc_corpus.py OUT.warc.gz PAGE [PAGE...]")
    members, good, dups, skipped, broken = [], [], [], [], []

    members.append(member(lambda w: w.write_record(
        w.create_warcinfo_record("corpus.warc.gz", {"software": "warcio test corpus"}))))
    skipped.append("warcinfo")
    bodies = []
    for i, path in enumerate(pages):
        body = page_bytes(path)
        uri = "https://news.example.test/%04d/%s" % (i, os.path.basename(path).split(".")[0])
        try:
            body.decode("utf-8")
            ctype = "text/html; charset=utf-8"
        except UnicodeDecodeError:
            ctype = "text/html; charset=iso-8859-1"  # a non-UTF-8 body, declared in HTTP
        members.append(member(lambda w: request(w, uri)))
        skipped.append("request " + uri)
        members.append(member(lambda w: response(w, uri, body, ctype)))
        good.append(uri)
        bodies.append((uri, body, ctype))
        if i == 0:
            # Broken records right after the first page: each must be one error.
            whole = member(lambda w: response(w, uri + "-truncated", body, ctype))
            members.append(whole[: len(whole) // 2])
            broken.append("truncated gzip member")
            members.append(gzip.compress(b"WARC/1.0\r\nthis is not a header line\r\n\r\njunk\r\n\r\n"))
            broken.append("bad WARC header")
            short = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example.test/short\r\n"
                     b"Content-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>cut")
            members.append(gzip.compress(short))
            broken.append("block shorter than Content-Length")
            members.append(member(lambda w: w.write_record(w.create_warc_record(
                "https://news.example.test/bad-gzip-body", "response",
                payload=io.BytesIO(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                   b"Content-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00garbage-not-deflate"),
                ))))
            broken.append("body claims gzip but is not")
    # Repeats a reader must drop, and records that are not articles.
    uri0, body0, ctype0 = bodies[0]
    members.append(member(lambda w: response(w, uri0, body0, ctype0)))
    dups.append("same URL " + uri0)
    members.append(member(lambda w: response(w, uri0 + "?utm=copy", body0, ctype0)))
    dups.append("same body under another URL")
    members.append(member(lambda w: response(w, "https://news.example.test/missing", b"<html>gone</html>",
                                              status="404 Not Found")))
    skipped.append("404")
    members.append(member(lambda w: response(w, "https://news.example.test/logo.png", b"\x89PNG\r\n\x1a\n....",
                                              content_type="image/png")))
    skipped.append("image")
    members.append(member(lambda w: w.write_record(w.create_warc_record(
        good[-1], "metadata", payload=io.BytesIO(b"via: test\r\n"),
        warc_content_type="application/warc-fields"))))
    skipped.append("metadata")

    with open(out, "wb") as f:
        for m in members:
            f.write(m)
    with open(out + ".json", "w") as f:
        json.dump({"good": good, "duplicates": dups, "skipped": skipped, "broken": broken,
                   "records": len(members)}, f, indent=1)


if __name__ == "__main__":
    main()
