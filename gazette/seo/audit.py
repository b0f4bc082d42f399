"""Audit a running Gazette site the way readers' browsers and crawlers see it.

    python -m gazette.seo.audit --base-url http://127.0.0.1:8765 [--tools .audit]

Finds six pages by following links from the front page (a section, an English article
with an Arabic translation, that translation, an author, the search page), then runs
Lighthouse (mobile preset) on each, the Nu HTML checker on their HTML, and axe-core in
Chromium, prints one table, writes the raw reports to var/audit/, and exits non-zero
when a target is missed: every Lighthouse category >= 95, no Nu errors, no axe
violations. `make audit` installs the npm tools and starts the demo site if needed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

CHROMIUM = os.environ.get("GAZETTE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_TARGET = 95
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@dataclass
class PageResult:
    name: str
    url: str
    scores: dict[str, int | None] = field(default_factory=dict)
    lighthouse_failures: list[str] = field(default_factory=list)
    nu_errors: list[str] = field(default_factory=list)
    axe_violations: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return (
            all(score is not None and score >= LIGHTHOUSE_TARGET for score in self.scores.values())
            and not self.nu_errors
            and not self.axe_violations
        )


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - our own site
        return response.read()


def links(url: str, xpath: str) -> list[str]:
    tree = lxml_html.fromstring(fetch(url))
    return [urljoin(url, href) for href in tree.xpath(xpath)]


def same_site(base: str, url: str) -> str:
    """Point an absolute URL from the page's metadata at the server under audit."""
    parts = urlsplit(url)
    return urljoin(base, parts.path + (f"?{parts.query}" if parts.query else ""))


def find_pages(base: str) -> list[tuple[str, str]]:
    """(name, url) of the six page types, found by following links like a reader."""
    front = base.rstrip("/") + "/"
    sections = links(front, "//nav[contains(@class,'sections')]//a/@href")
    if not sections:
        raise SystemExit(f"No section links on {front}: is the demo magazine built?")
    english = arabic = None
    for section in sections:
        for article in links(section, "//h3[contains(@class,'card__title')]/a/@href")[:12]:
            alternates = links(article, "//head/link[@rel='alternate'][@hreflang='ar']/@href")
            if alternates:
                english, arabic = article, same_site(base, alternates[0])
                break
        if english:
            break
    if not english:
        raise SystemExit("No English article with an Arabic translation was found to audit.")
    author = links(english, "//a[@rel='author']/@href")[0]
    return [
        ("front page", front),
        ("section", sections[0]),
        ("article (en)", english),
        ("article (ar)", arabic),
        ("author", author),
        ("search", urljoin(front, "/search/")),
    ]


def run_lighthouse(tools: Path, result: PageResult, out_dir: Path, attempts: int = 3) -> None:
    """Score one page; a run whose trace broke (NO_NAVSTART and kin, on a busy box) is retried."""
    for _attempt in range(attempts):
        result.scores, result.lighthouse_failures = {}, []
        if lighthouse_once(tools, result, out_dir):
            return


def lighthouse_once(tools: Path, result: PageResult, out_dir: Path) -> bool:
    report = out_dir / f"lighthouse-{slug(result.name)}.json"
    with tempfile.TemporaryDirectory(prefix="gazette-lh-") as profile:
        flags = " ".join([*CHROMIUM_FLAGS, f"--user-data-dir={profile}"])
        command = [
            str(tools / "node_modules" / ".bin" / "lighthouse"),
            result.url,
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--quiet",
            f"--chrome-flags={flags}",
            "--max-wait-for-load=60000",
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not report.exists():
        result.scores = dict.fromkeys(CATEGORIES)
        result.lighthouse_failures.append(f"lighthouse failed: {done.stderr.strip()[-400:]}")
        return False
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        result.scores = dict.fromkeys(CATEGORIES)
        result.lighthouse_failures.append(f"lighthouse: {data['runtimeError'].get('code')}")
        return False
    for category in CATEGORIES:
        score = data["categories"][category]["score"]
        result.scores[category] = None if score is None else round(score * 100)
        for ref in data["categories"][category]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 0.9:
                result.lighthouse_failures.append(
                    f"{category}: {audit['id']} ({audit.get('displayValue') or audit['score']})"
                )
    return True


def run_nu(tools: Path, results: list[PageResult], out_dir: Path) -> None:
    jar = tools / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    files = {}
    for result in results:
        path = out_dir / f"page-{slug(result.name)}.html"
        path.write_bytes(fetch(result.url))
        files[str(path.resolve())] = result
    done = subprocess.run(
        [
            "java",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--stdout",
            *[urlsplit(u).path for u in files],
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    (out_dir / "nu.json").write_text(done.stdout)
    for message in json.loads(done.stdout or '{"messages": []}')["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            owner = files.get(urlsplit(message.get("url", "")).path)
            text = f"line {message.get('lastLine')}: {message.get('message')}"
            if owner is not None:
                owner.nu_errors.append(text)
            else:
                for result in results:
                    result.nu_errors.append(text)


def run_axe(tools: Path, results: list[PageResult], out_dir: Path) -> None:
    from playwright.sync_api import sync_playwright

    axe_js = tools / "node_modules" / "axe-core" / "axe.min.js"
    report = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for viewport in ({"width": 390, "height": 844}, {"width": 1366, "height": 900}):
            # axe is injected as a script: let it past the site's own Content-Security-Policy.
            context = browser.new_context(viewport=viewport, bypass_csp=True)
            page = context.new_page()
            for result in results:
                page.goto(result.url, wait_until="load")
                page.add_script_tag(path=str(axe_js))
                found = page.evaluate(
                    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
                )
                report[f"{result.name} @{viewport['width']}"] = found["violations"]
                for violation in found["violations"]:
                    text = f"{violation['id']} ({len(violation['nodes'])} nodes, {viewport['width']}px)"
                    result.axe_violations.append(text)
            context.close()
        browser.close()
    (out_dir / "axe.json").write_text(json.dumps(report, indent=1))


def slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name).strip("-")


def table(results: list[PageResult]) -> str:
    header = (
        "| page | performance | accessibility | best practices | SEO | Nu errors | axe violations |"
    )
    lines = [header, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        scores = [str(r.scores.get(c)) if r.scores.get(c) is not None else "—" for c in CATEGORIES]
        lines.append(
            f"| {r.name} | {' | '.join(scores)} | {len(r.nu_errors)} | {len(r.axe_violations)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8765")
    parser.add_argument("--tools", default=".audit", help="folder holding node_modules")
    parser.add_argument("--out", default="var/audit")
    parser.add_argument("--skip-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    tools, out_dir = Path(args.tools).resolve(), Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not (tools / "node_modules" / ".bin" / "lighthouse").exists():
        print(f"The audit tools are not installed in {tools}: run `make audit`.", file=sys.stderr)
        return 2

    started = time.monotonic()
    results = [PageResult(name, url) for name, url in find_pages(args.base_url)]
    for result in results:
        print(f"  {result.name:<14} {result.url}", file=sys.stderr)
    if not args.skip_lighthouse:
        for result in results:
            print(f"  lighthouse: {result.name}…", file=sys.stderr)
            run_lighthouse(tools, result, out_dir)
    print("  Nu HTML checker…", file=sys.stderr)
    run_nu(tools, results, out_dir)
    print("  axe-core…", file=sys.stderr)
    run_axe(tools, results, out_dir)

    print(table(results))
    for r in results:
        problems = r.lighthouse_failures + r.nu_errors + r.axe_violations
        if problems:
            print(f"\n{r.name} ({r.url}):")
            for problem in problems:
                print(f"  - {problem}")
    print(f"\nMeasured in {time.monotonic() - started:.0f} s; raw reports in {out_dir}/.")
    print(f"Load average: {os.getloadavg()[0]:.2f} (1 min), on {os.cpu_count()} cores.")
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
