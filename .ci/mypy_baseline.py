"""mypy against its baseline, for `make typecheck` and `make typecheck-baseline`.

Reads mypy's output (``path:line: error: message  [code]``) and compares its errors with the baseline file
(mypy-baseline.txt), which lists each known error on one line without its line number
(``path: error: message  [code]``), so code moving within a module keeps its baseline line. An error that occurs
twice is listed twice. Fails (exit 1) when mypy found an error the baseline does not list, and when the baseline
lists an error mypy no longer finds: the baseline only shrinks, so a fixed error's line must be deleted.

    python .ci/mypy_baseline.py MYPY_OUTPUT BASELINE              compare
    python .ci/mypy_baseline.py --schrijven MYPY_OUTPUT BASELINE  write the baseline from the output

Standard library only.
"""

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

FOUT = re.compile(r"^(?P<pad>[^:\s][^:]*):(?P<regel>\d+)(?::\d+)?: error: (?P<melding>.*)$")
NOTITIE = re.compile(r"^[^:\s][^:]*:\d+(?::\d+)?: note: ")
# Messages that name another line ("already defined on line 12") would break on every move as well.
REGELNUMMER = re.compile(r"\bline \d+\b")

KOP = """\
# mypy errors known when the type check came in: `make typecheck` fails on any error not listed here and on any
# line here that no longer occurs (delete it: this file only shrinks). One error per line, without its line number.
# Written by `make typecheck-baseline`; after modules move, run that and check the diff only loses lines.
"""


def normaliseer(regel: str) -> str | None:
    treffer = FOUT.match(regel.rstrip("\n"))
    if treffer is None:
        return None
    melding = REGELNUMMER.sub("line N", treffer["melding"].rstrip())
    return f"{treffer['pad']}: error: {melding}"


def lees_uitvoer(pad: Path) -> tuple[Counter[str], dict[str, list[str]], list[str]]:
    """The normalised errors, the original lines per normalised error, and lines that are neither error nor note."""
    fouten: Counter[str] = Counter()
    origineel: dict[str, list[str]] = {}
    overig = []
    for regel in pad.read_text(encoding="utf-8").splitlines():
        genormaliseerd = normaliseer(regel)
        if genormaliseerd is not None:
            fouten[genormaliseerd] += 1
            origineel.setdefault(genormaliseerd, []).append(regel)
        elif regel.strip() and not NOTITIE.match(regel):
            overig.append(regel)
    return fouten, origineel, overig


def lees_baseline(pad: Path) -> Counter[str]:
    if not pad.exists():
        return Counter()
    return Counter(
        regel.rstrip()
        for regel in pad.read_text(encoding="utf-8").splitlines()
        if regel.strip() and not regel.startswith("#")
    )


def meervoud(aantal: int, enkel: str, meer: str) -> str:
    return f"{aantal} {enkel if aantal == 1 else meer}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("uitvoer", type=Path, help="mypy's output")
    parser.add_argument("baseline", type=Path, help="the baseline file (mypy-baseline.txt)")
    parser.add_argument("--schrijven", action="store_true", help="write the baseline from the output")
    args = parser.parse_args(argv)

    gevonden, origineel, overig = lees_uitvoer(args.uitvoer)
    for regel in overig:
        print(f"mypy: {regel}")
    baseline = lees_baseline(args.baseline)
    totaal = sum(gevonden.values())

    if args.schrijven:
        regels = sorted(gevonden.elements())
        args.baseline.write_text(KOP + "".join(f"{regel}\n" for regel in regels), encoding="utf-8")
        erbij, eraf = sum((gevonden - baseline).values()), sum((baseline - gevonden).values())
        print(
            f"{args.baseline}: {meervoud(totaal, 'error', 'errors')} written "
            f"({erbij} lines added, {eraf} removed); check with git diff that it only lost lines"
        )
        return 0

    nieuw = gevonden - baseline
    weg = baseline - gevonden
    bekend = totaal - sum(nieuw.values())
    print(
        f"mypy: {meervoud(totaal, 'error', 'errors')}, {bekend} of them in {args.baseline} "
        f"({sum(baseline.values())} lines); {meervoud(sum(weg.values()), 'baseline error is', 'baseline errors are')} gone"
    )
    if nieuw:
        aantal = sum(nieuw.values())
        print(
            f"\n{meervoud(aantal, 'new error', 'new errors')} (not in {args.baseline}): fix {'it' if aantal == 1 else 'them'}"
        )
        for fout in sorted(nieuw):
            regels = origineel[fout]
            if len(regels) > nieuw[fout]:
                # The baseline knows this error fewer times than it occurs: which occurrence is new cannot be told.
                print(f"  {nieuw[fout]} more than the baseline's {baseline[fout]} of these {len(regels)}:")
            for regel in regels:
                print(f"  {regel}")
    if weg:
        print(
            f"\n{meervoud(sum(weg.values()), 'error', 'errors')} in {args.baseline} no longer "
            f"{'occurs' if sum(weg.values()) == 1 else 'occur'}: well done; delete "
            f"{'this line' if sum(weg.values()) == 1 else 'these lines'} from {args.baseline} (the baseline only "
            "shrinks; after modules moved, `make typecheck-baseline` rewrites it)"
        )
        for fout in sorted(weg.elements()):
            print(f"  {fout}")
    return 1 if nieuw or weg else 0


if __name__ == "__main__":
    sys.exit(main())
