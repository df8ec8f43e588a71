"""The network page in a real browser: Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from test_view import N_EDGES, N_EDGES_DEFAULT, N_NODES, sample_graph

from kg.view import write_view

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (make browser) to run browser tests", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed: pip install -e '.[dev]'")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("view")
    return {
        "plain": write_view(sample_graph(), d / "plain.html"),
        "hostile": write_view(sample_graph(hostile=True), d / "hostile.html"),
        "fr": write_view(sample_graph(), d / "fr.html", lang="fr"),
        "subset": write_view(sample_graph(), d / "subset.html", max_nodes=3),
    }


class Session:
    """One page plus everything it tried: network requests, dialogs, errors."""

    def __init__(self, browser, path: Path, *, bypass_csp: bool = False):
        self.external: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        # bypass_csp: prove that escaping alone keeps hostile text inert, without the page's CSP
        self.page = browser.new_page(viewport={"width": 1280, "height": 800}, bypass_csp=bypass_csp)
        self.page.route(re.compile(r"^(https?|wss?|ftp)://"), self._abort)
        self.page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:", "blob:")) else self.external.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(path.resolve().as_uri())
        # polled from Python: wait_for_function would need eval inside the page, which its CSP forbids
        deadline = time.monotonic() + 20
        while not self.js("!!(window.kgView && window.kgView.ready === true)"):
            if time.monotonic() > deadline:
                raise AssertionError(f"the page never became ready; errors: {self.errors}")
            time.sleep(0.05)

    def _abort(self, route):
        self.external.append(route.request.url)
        route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def node_id(self, label: str) -> int:
        return self.js("l => kgView.data.nodes.find(n => n.label === l).id", label)

    def edge_id(self, s: str, p: str, o: str) -> int:
        return self.js(
            "([s, p, o]) => { const N = kgView.data.nodes; return kgView.data.edges.find(e => N[e.from].label === s && e.property === p && N[e.to].label === o).id; }",
            [s, p, o],
        )

    def screen_xy(self, canvas_xy: dict) -> tuple[float, float]:
        """Page coordinates of a point of the network canvas."""
        return tuple(self.js(
            "p => { const d = network.canvasToDOM(p), r = document.getElementById('kg-network').getBoundingClientRect(); return [r.left + d.x, r.top + d.y]; }",
            canvas_xy,
        ))  # fmt: skip

    def close(self):
        self.page.close()


@pytest.fixture
def session(browser, pages, request):
    opened: list[Session] = []

    def open_(name: str = "plain", **kw) -> Session:
        s = Session(browser, pages[name], **kw)
        opened.append(s)
        return s

    yield open_
    for s in opened:
        s.close()


def counts(s: Session) -> tuple[int, int]:
    return tuple(s.js("[network.body.data.nodes.length, network.body.data.edges.length]"))


def test_no_external_request_and_expected_counts(session):
    s = session()
    assert counts(s) == (N_NODES, N_EDGES_DEFAULT)
    c = s.js("kgView.visibleCounts()")
    assert (c["nodes"], c["edges"], c["totalNodes"], c["totalEdges"]) == (N_NODES, N_EDGES_DEFAULT, N_NODES, N_EDGES)
    # every drawn node and edge made it into vis-network's body
    assert s.js("Object.keys(network.body.nodes).length") == N_NODES
    assert s.js("network.body.edgeIndices.length") == N_EDGES_DEFAULT
    assert s.js("network.physics.options.enabled") is False  # drawn still, no physics running
    assert s.page.inner_text("[data-testid=counts]") == f"{N_NODES} of {N_NODES} nodes, {N_EDGES_DEFAULT} of {N_EDGES} edges shown"
    assert s.external == [] and s.errors == [] and s.dialogs == []


def test_filter_clicks_change_what_is_shown(session):
    s = session()
    s.page.click("[data-testid=filter-family-conflictual]")
    assert counts(s) == (N_NODES, 2)  # leads, locatedIn
    s.page.click("[data-testid=filter-modality-Negated]")
    assert counts(s) == (N_NODES, 3)  # + the negated "cooperates with"
    s.page.click("[data-testid=filter-family-conflictual]")
    assert counts(s) == (N_NODES, N_EDGES)
    s.page.click("[data-testid=filter-type-Country]")
    assert counts(s) == (N_NODES - 5, 0)
    s.page.click("[data-testid=filter-type-Country]")
    s.page.click("[data-testid=hide-isolated]")
    assert counts(s) == (N_NODES - 1, N_EDGES)  # ECOWAS has no relation
    assert "8 of 9 nodes" in s.page.inner_text("[data-testid=counts]")


def test_date_and_property_filters(session):
    s = session()
    c = s.js("kgView.applyFilter({from: '2025-01-01', undated: false})")
    # Niger-Russia, Niger-Turkey, JNIM attacks Niger, and the hedged JNIM-Benin (dated by its article)
    assert c["edges"] == 4
    s.page.fill("[data-testid=date-to]", "2025-03-15")
    s.page.dispatch_event("[data-testid=date-to]", "change")
    assert counts(s)[1] == 2
    s.js("kgView.applyFilter({from: '', to: '', undated: true})")
    s.page.click("[data-testid=filter-property-endsCooperationWith]")
    assert counts(s)[1] == N_EDGES_DEFAULT - 3


def test_hover_tooltip_shows_evidence(session):
    s = session()
    eid = s.edge_id("Niger", "endsCooperationWith", "Turkey")
    ends = s.js("id => { const e = network.body.data.edges.get(id); const p = network.getPositions([e.from, e.to]); return [p[e.from], p[e.to]]; }", eid)
    mid = {"x": (ends[0]["x"] + ends[1]["x"]) / 2, "y": (ends[0]["y"] + ends[1]["y"]) / 2}
    x, y = s.screen_xy(mid)
    s.page.mouse.move(x - 3, y - 3)
    s.page.mouse.move(x, y)
    tip = s.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    text = tip.inner_text()
    assert "Niamey a aussi rompu avec Ankara." in text
    assert "reported" in text and "2025-03" in text and "000_cdbfd6dc458ff73a.txt" in text


def test_panel_api_and_node_tooltip(session):
    s = session()
    text = s.js("id => kgView.showTooltip(id)", s.edge_id("Niger", "endsCooperationWith", "Russia"))
    assert "Niamey a rompu sa coopération en matière de renseignement avec Moscou." in text
    assert "Le Niger met fin à la coopération avec la Russie." in text
    details = s.page.locator("[data-testid=details]")
    assert details.is_visible() and "2 articles" in details.inner_text()
    node_text = s.js("id => kgView.showNode(id)", s.node_id("Niger"))
    assert "Country" in node_text and "Niamey" in node_text
    links = s.page.locator("[data-testid=details] a")
    assert sorted(links.evaluate_all("as => as.map(a => a.getAttribute('href'))")) == [
        "http://www.wikidata.org/entity/Q1032",
        "https://sws.geonames.org/2440476/",
    ]


def test_neighbourhood_mode_and_search(session):
    s = session()
    turkey = s.node_id("Turkey")
    x, y = s.screen_xy(s.js("id => network.getPositions([id])[id]", turkey))
    s.page.mouse.click(x, y)
    assert counts(s) == (2, 1)  # Turkey and Niger
    assert "Turkey" in s.page.inner_text("[data-testid=details]")
    box = s.page.locator("[data-testid=network]").bounding_box()
    s.page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)  # the background
    assert counts(s) == (N_NODES, N_EDGES_DEFAULT)
    s.page.fill("[data-testid=search]", "tiani")
    s.page.press("[data-testid=search]", "Enter")
    assert "Abdourahamane Tiani" in s.page.inner_text("[data-testid=details]")
    assert s.js("network.getSelectedNodes()") == [s.node_id("Abdourahamane Tiani")]
    s.page.fill("[data-testid=search]", "Atlantis")
    s.page.press("[data-testid=search]", "Enter")
    assert "Atlantis" in s.page.inner_text("[data-testid=search-msg]")


def test_top_nodes_subset_and_show_all(session):
    s = session("subset")
    assert counts(s)[0] == 3
    s.page.click("[data-testid=show-all]")
    assert counts(s) == (N_NODES, N_EDGES_DEFAULT)
    s.page.click("[data-testid=show-all]")
    assert counts(s)[0] == 3


def test_french_labels(session):
    s = session("fr")
    labels = s.js("network.body.data.nodes.get().map(n => n.label)")
    assert {"Russie", "Turquie", "CEDEAO", "Bénin"} <= set(labels)
    assert "Légende" in s.page.inner_text("[data-testid=legend]")
    assert s.page.title() == "réseau geokg"


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["csp", "no-csp"])
def test_hostile_article_runs_nothing(session, bypass_csp):
    s = session("hostile", bypass_csp=bypass_csp)
    assert counts(s) == (N_NODES, N_EDGES_DEFAULT)
    # exercise every place where data is turned into DOM: panels, tooltips, search, legend
    s.js("kgView.data.edges.forEach(e => { kgView.showTooltip(e.id); kgView.edgeTitle(e.id); })")
    s.js("kgView.data.nodes.forEach(n => { kgView.showNode(n.id); kgView.nodeTitle(n.id); })")
    s.js("kgView.applyFilter({modalities: {Negated: true}})")
    eid = s.edge_id("Niger", "endsCooperationWith", "France")
    text = s.js("id => kgView.showTooltip(id)", eid)
    assert "</script><script>window.__pwned=1;alert(1)</script>" in text  # shown as text
    assert "<img src=x onerror=" in text and "<svg onload=" in text
    jnim = s.js("kgView.data.nodes.find(n => n.label.startsWith('JNIM')).label")
    s.page.fill("[data-testid=search]", jnim)
    s.page.press("[data-testid=search]", "Enter")
    # hover a node with a hostile label and alias, so vis-network renders its tooltip element
    s.js("kgView.reset()")
    x, y = s.screen_xy(s.js("id => network.getPositions([id])[id]", s.node_id("Niger")))
    s.page.mouse.move(x - 3, y - 3)
    s.page.mouse.move(x, y)
    tip = s.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    assert "<img src=x onerror=" in tip.inner_text()  # the hostile alias, shown as text
    s.page.wait_for_timeout(300)
    assert s.js("typeof window.__pwned") == "undefined"
    assert s.dialogs == []
    assert s.js("document.querySelectorAll('img, svg, iframe, [onerror], [onload]').length") == 0
    assert s.js("[...document.querySelectorAll('a')].every(a => !a.hasAttribute('href') || /^https?:/.test(a.getAttribute('href')))")
    assert s.js("document.querySelectorAll('script').length") == 3
    assert s.external == []


def test_page_has_no_external_references(pages):
    text = pages["plain"].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text, re.IGNORECASE)
