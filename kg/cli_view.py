"""`kg view DIR|FILE -o FILE.html [--lang en|fr]`: the network page of a build or of any RDF file.

`kg.cli.COMMANDS` registers `add_view`; the command calls `kg.view.view_file` and prints.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def cmd_view(args: argparse.Namespace) -> int:
    from kg.view import view_file

    out = view_file(Path(args.target), Path(args.output), lang=args.lang, max_nodes=args.max_nodes)
    print(out)
    return 0


def add_view(sub: argparse._SubParsersAction) -> None:
    from kg.view import DEFAULT_MAX_NODES, LANGS

    p = sub.add_parser(
        "view",
        help="write the interactive network page (one self-contained HTML file, works offline)",
        description="Write the network view of a build DIR (its graph.ttl) or of any RDF file (.ttl, .nt, .trig, "
        ".nq, .jsonld) as one self-contained HTML file: no request to any network, article text shown as text.",
    )
    p.add_argument("target", help="a build DIR or an RDF file")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write (e.g. graph.html)")
    p.add_argument("--lang", choices=list(LANGS), default="en", help="language of labels and controls (default en)")
    p.add_argument(
        "--max-nodes",
        type=int,
        default=DEFAULT_MAX_NODES,
        help=f"beyond this many nodes the page opens on the most connected ones, with a 'show all' control (default {DEFAULT_MAX_NODES})",
    )
    p.set_defaults(func=cmd_view)
