"""Headless Chromium for the site's tests (Debian's chromium driven by Playwright), watching requests and console errors."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


@contextmanager
def browser():
    """A launched headless Chromium; skips (fails under CI) when it or Playwright is missing."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing under CI (tools/ensure-chromium installs it)")
        pytest.skip("chromium is not installed (as root: tools/ensure-chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Watch:
    """What a page did: requests that left the machine, failed requests, console errors and uncaught exceptions."""

    remote: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self, what: str) -> None:
        assert not self.remote, f"{what} fetched from the network: {self.remote[:3]}"
        assert not self.failed, f"{what} failed to load: {self.failed[:3]}"
        assert not self.errors, f"{what} logged errors: {self.errors[:3]}"


def watched_page(b, *, viewport=None):
    """A new page and the :class:`Watch` that records what it does."""
    page = b.new_page(viewport=viewport or {"width": 1280, "height": 900})
    watch = Watch()
    page.on("request", lambda req: watch.remote.append(req.url) if not req.url.startswith(("file:", "data:", "about:")) else None)
    page.on("requestfailed", lambda req: watch.failed.append(req.url))
    page.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    return page, watch
