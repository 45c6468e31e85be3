"""Real-browser helpers, for any test module: a `pmr-print serve` on a free port, Debian's
headless Chromium driven by selenium, and axe-core.

tests/conftest.py imports the fixtures `server`, `browser` and `download_dir`, so any test can
ask for them:

    from tests.browser import Server, serious_violations

    pytestmark = pytest.mark.browser

    def test_page(server: Server, browser: WebDriver) -> None:
        browser.get(server.url)
        assert serious_violations(browser) == []

Chromium and chromedriver come from Debian (`apt-get install chromium chromium-driver`, done by
.ci/run); selenium is given /usr/bin/chromedriver, so its manager never downloads a browser.
axe-core comes from npm (`npm install --prefix .ci/node axe-core@4`, done by .ci/run). Without
them the browser tests are skipped with the command that installs them.
"""

from __future__ import annotations

import dataclasses
import json
import pathlib
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHROMIUM = pathlib.Path("/usr/bin/chromium")
CHROMEDRIVER = pathlib.Path("/usr/bin/chromedriver")
AXE = ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
# As root, without a sandbox; no background connections, which this machine's closed network
# refuses (see the machine notes): the browser talks to the test server and nothing else.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--window-size=1280,1000",
)
SERVER_START_SECONDS = 60


@dataclasses.dataclass
class Server:
    """A running `pmr-print serve --no-browser`: its URL (the first line it printed)."""

    url: str
    process: subprocess.Popen[str]

    @property
    def port(self) -> int:
        return int(self.url.rstrip("/").rsplit(":", 1)[1])

    def stop(self) -> tuple[int, str]:
        """Ctrl-C, as a user would; the exit status and what it printed on standard error."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            _, err = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return self.process.returncode, err


def start_server(*args: str, module: str = "") -> Server:
    """`python -m pmr_print serve --no-browser ARGS`, or `python -m MODULE ARGS` (a test's own
    server, e.g. tests.paced_serve); waits for the URL on its first line."""
    command = ["-m", module] if module else ["-m", "pmr_print", "serve", "--no-browser"]
    process = subprocess.Popen(
        [sys.executable, *command, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(process.stdout.readline()), daemon=True).start()  # type: ignore[union-attr]
    try:
        first = lines.get(timeout=SERVER_START_SECONDS)
    except queue.Empty:
        process.kill()
        raise AssertionError("pmr-print serve printed no URL") from None
    if not first.startswith("http://127.0.0.1:"):
        process.kill()
        raise AssertionError(f"pmr-print serve: {first!r} {process.communicate()[1]}")
    return Server(first.strip(), process)


def require_browser() -> None:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.skip(f"no {', '.join(missing)}: apt-get install chromium chromium-driver")


def start_chromium(download_dir: pathlib.Path, lang: str = "en-US") -> Any:
    """Headless Chromium with a fresh profile, downloads going to download_dir."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service as DriverService

    require_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='pmr-chromium-')}")
    options.add_argument(f"--lang={lang}")
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(download_dir),
            "download.prompt_for_download": False,
            "intl.accept_languages": lang,
        },
    )
    driver = webdriver.Chrome(service=DriverService(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)}
    )
    return driver


def axe_results(driver: Any, context: str | None = None) -> dict[str, Any]:
    """axe-core's full results for the page now in the browser (or a CSS-selected part)."""
    if not AXE.is_file():
        pytest.skip(f"no {AXE}: npm install --no-save --prefix .ci/node axe-core@4")
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    script = """
        const done = arguments[arguments.length - 1];
        axe.run(arguments[0] || document, {resultTypes: ["violations"]})
           .then(results => done(JSON.stringify(results)))
           .catch(error => done(JSON.stringify({error: String(error)})));
    """
    driver.set_script_timeout(60)
    results: dict[str, Any] = json.loads(driver.execute_async_script(script, context))
    assert "error" not in results, results
    return results


def serious_violations(
    driver: Any, context: str | None = None, impacts: Sequence[str] = ("serious", "critical")
) -> list[str]:
    """axe-core's violations of the given impacts, one readable line per rule and node."""
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}"
        for violation in axe_results(driver, context)["violations"]
        if violation["impact"] in impacts
        for node in violation["nodes"]
    ]


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """One `pmr-print serve` for the test session."""
    require_browser()
    running = start_server()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def download_dir(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="session")
def browser(download_dir: pathlib.Path) -> Iterator[Any]:
    """One headless Chromium for the test session (WebDriver); downloads go to download_dir."""
    driver = start_chromium(download_dir)
    yield driver
    driver.quit()
