"""The command line: parses arguments and delegates (no analysis logic here)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bias.errors import BiasError, OutputError
from bias.pipeline import (
    EXIT_NOTHING,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_PARTIAL,
    EXIT_USAGE,
    Outcome,
    analyse_all,
    load_articles,
    show_progress,
)

EXIT_CODES = f"""exit codes:
  {EXIT_OK}  every input was analysed
  {EXIT_PARTIAL}  some inputs were skipped (each is named on stderr); the others were analysed
  {EXIT_USAGE}  the command line was wrong
  {EXIT_NOTHING}  no input could be analysed
  {EXIT_OUTPUT}  the output was not written (it exists and --force was not given, it lies in an
     input folder, or it could not be created)
"""

INPUT_HELP = ("files or folders: .txt, .md, .html/.htm, .jsonl, .csv; a folder is read recursively "
              "and its manifest.toml (if any) gives outlets, titles and authors")


LEXICON_HELP = ("a lexicon of your own (TSV; format in bias/lexicons/README.md) adding loaded terms, "
                "word-choice groups or frame cues; repeatable")


def _extractors(paths: Sequence[Path]):  # noqa: ANN202
    from bias.features import build_extractors
    from bias.lexicons.user import load_user_lexicon

    return build_extractors(load_user_lexicon(p) for p in paths)


def _mb(value: str) -> int:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of megabytes") from None
    if mb <= 0:
        raise argparse.ArgumentTypeError("the size limit must be positive")
    return int(mb * 1024 * 1024)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _add_engine_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--jobs", type=_positive, default=None, metavar="N",
                     help="analyse on N processes (default: all cores); the output is the same "
                     "for any N")
    cmd.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local: processes on this machine (default); dask: a Dask cluster "
                     "(needs the optional extra: pip install 'bias[dask]'; see docs/scaling.md)")
    cmd.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 (default: "
                     "start a local cluster of --jobs workers)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bias",
        description="Show how different news outlets frame the same subject: loaded language, who is "
        "quoted and with which verb, anonymous sourcing, tone and readability, side by side, with "
        "the words behind every number.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from bias.versions import tool_version

    parser.add_argument("--version", action="version", version=f"bias {tool_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    rep = sub.add_parser("report", help="render an HTML report comparing the outlets",
                         description="Analyse the inputs and write one self-contained HTML report.\n"
                         "An input written by `bias analyze` (JSON Lines) is read back instead of analysed\n"
                         "again: the way to report on a large corpus.",
                         epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    rep.add_argument("inputs", nargs="*", default=["seeds"], metavar="INPUT",
                     help=INPUT_HELP + " (default: seeds/)")
    rep.add_argument("-o", "--output", type=Path, metavar="FILE",
                     help="where to write the report (default: reports/<name of the input>.html, "
                     "which is replaced on each run)")
    rep.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    rep.add_argument("--title", default=None, help="the report's title")
    rep.add_argument("--templates", type=Path, metavar="DIR",
                     help="a folder of your own Jinja templates that override or extend the packaged ones")
    rep.add_argument("--lexicon", action="append", type=Path, default=[], metavar="FILE",
                     help=LEXICON_HELP)
    rep.add_argument("--max-size", type=_mb, default=None, metavar="MB",
                     help="skip input files larger than this many megabytes (default: 20); .jsonl and .csv "
                     "files are read one article at a time and any size is fine, but each line or "
                     "field must stay under this limit")
    rep.add_argument("--export", action="store_true",
                     help="also write the comparison as FILE's name with .json, .articles.csv, "
                     ".attributions.csv and .outlets.csv, next to the report")
    _add_engine_options(rep)

    ana = sub.add_parser("analyze", help="write per-article results as JSON Lines or CSV",
                         description="Analyse the inputs and write one record per article "
                         "(format documented in docs/output-format.md).",
                         epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    ana.add_argument("inputs", nargs="+", metavar="INPUT", help=INPUT_HELP)
    ana.add_argument("--format", choices=("jsonl", "csv", "attributions-csv"), default="jsonl",
                     help="jsonl: one JSON object per article (default); csv: one row per article "
                     "with the metrics as columns; attributions-csv: one row per attribution")
    ana.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    ana.add_argument("--stories", action="store_true",
                     help="group the articles into stories and fill each record's `story` field (holds "
                     "every article in memory until all are analysed; at most 5,000 articles)")
    ana.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    ana.add_argument("--lexicon", action="append", type=Path, default=[], metavar="FILE",
                     help=LEXICON_HELP)
    ana.add_argument("--max-size", type=_mb, default=None, metavar="MB",
                     help="skip input files larger than this many megabytes (default: 20); .jsonl and .csv "
                     "files are read one article at a time and any size is fine, but each line or "
                     "field must stay under this limit")

    _add_engine_options(ana)

    bench = sub.add_parser("bench", help="measure speed and memory on synthetic articles",
                           description="Build N synthetic ~1,000-word articles from the seed texts, "
                           "time every stage (load, parse, each extractor, report) and a VADER-only "
                           "baseline on the same sentences, and print articles per second and peak "
                           "memory. A benchmark, not a test: figures depend on the machine.")
    bench.add_argument("--articles", type=_positive, default=200, metavar="N",
                       help="how many synthetic articles (default: 200)")
    bench.add_argument("--jobs", type=_positive, default=None, metavar="J",
                       help="also time the analysis on J processes (default: all cores; 1 skips it)")
    bench.add_argument("--seed", type=int, default=1, help="random seed for the synthetic corpus")
    bench.add_argument("--source", default="seeds", metavar="DIR",
                       help="folder of articles to draw sentences from (default: seeds/)")

    ev = sub.add_parser("evaluate", help="measure accuracy against hand-annotated gold data")
    ev_sub = ev.add_subparsers(dest="what", metavar="WHAT")
    ev_att = ev_sub.add_parser("attribution", help="attribution finding, source, anonymity, quote type",
                               description="Score the attribution extractor against a gold file "
                               "annotated as in the annotation guide.")
    ev_att.add_argument("--gold", type=Path, required=True, metavar="FILE", help="gold JSON Lines file")
    ev_att.add_argument("inputs", nargs="+", metavar="INPUT", help=INPUT_HELP)
    ev_att.add_argument("--show-errors", action="store_true", help="list misses and false alarms")
    ev_sen = ev_sub.add_parser("sentences", help="the sentence-level opinion (and loaded) flags",
                               description="Score sentence flags against a gold file: JSON Lines or CSV "
                               "with `text` and `label` (OBJ/SUBJ or 0/1; 1 = the flag should be on).")
    ev_sen.add_argument("--gold", type=Path, required=True, metavar="FILE", help="labelled sentences")
    ev_sen.add_argument("--flag", action="append", choices=("opinion", "loaded"), metavar="FLAG",
                        help="opinion or loaded (repeatable; default: both)")

    tr = sub.add_parser("train-opinion", help="retrain the sentence opinion model from labelled sentences",
                        description="Fit the opinion model on a file of labelled sentences (JSON Lines "
                        "or CSV with `text` and `label`) and write it as JSON (coefficients, no pickle).")
    tr.add_argument("train", type=Path, metavar="FILE", help="labelled training sentences")
    tr.add_argument("-o", "--output", type=Path, required=True, metavar="JSON",
                    help="where to write the model")
    tr.add_argument("--val", type=Path, metavar="FILE", help="held-out sentences to report macro-F1 on")
    tr.add_argument("--force", action="store_true", help="overwrite JSON if it exists")
    return parser


def _default_output(inputs: Sequence[str]) -> Path:
    name = Path(inputs[0]).stem if len(inputs) == 1 else "report"
    return Path("reports") / f"{name or 'report'}.html"


def cmd_report(args: argparse.Namespace) -> int:
    from bias.render.report import render_report

    default = args.output is None
    out = _default_output(args.inputs) if default else args.output
    inputs = [Path(p) for p in args.inputs]
    from bias.compare.stories import MAX_CLUSTERED
    from bias.engine import Job, default_jobs
    from bias.exports import export_paths, export_texts
    from bias.files import check_output, write_atomic
    from bias.lexicons.user import load_user_lexicon
    from bias.pipeline import run_jobs
    from bias.render.collect import ReportCollector
    from bias.results import is_analysis_file
    from bias.versions import versions

    if args.scheduler and args.engine != "dask":
        print("bias: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    check_output(out, inputs=inputs, force=args.force, default=default)
    stored = [p for p in inputs if is_analysis_file(p)]
    if stored:
        return _report_from_results(args, inputs, stored, out)
    extras = export_paths(out) if args.export else ()
    for path in extras:
        check_output(path, inputs=inputs, force=args.force, default=default)
    lexicons = tuple(load_user_lexicon(p) for p in args.lexicon)
    extractors = _extractors(args.lexicon)
    outcome = Outcome()
    kwargs = {"max_bytes": args.max_size} if args.max_size else {}
    # The exports list every article, so they keep them all; the report alone needs bounded memory.
    collector = ReportCollector(hold_whole=sys.maxsize if extras else MAX_CLUSTERED)
    for s in run_jobs(load_articles(args.inputs, outcome, **kwargs), outcome,
                      Job(lexicons, "scores", None), progress=show_progress(),
                      jobs=args.jobs or default_jobs(), engine=args.engine, scheduler=args.scheduler):
        collector.add(s)
    data = collector.finish()
    if data is None:
        print("bias: nothing could be analysed; no report written", file=sys.stderr)
        return outcome.exit_code
    if data.stories is None:
        print("bias: stories were not grouped (more than 5,000 articles). Tip: run `bias analyze INPUTS -o "
              "results.jsonl` once, then `bias report results.jsonl` as often as needed (docs/scaling.md)",
              file=sys.stderr)
    html = render_report(data, title=args.title, templates=args.templates,
                         skipped=[str(p) for p in outcome.problems], extractors=extractors)
    write_atomic(out, html)
    print(f"bias: wrote {out} ({len(data.tally)} articles)", file=sys.stderr)
    scores, stories = data.story_scores, data.stories
    for path, text in zip(extras, export_texts(scores, stories, versions()) if extras else (), strict=True):
        write_atomic(path, text)
        print(f"bias: wrote {path}", file=sys.stderr)
    return outcome.exit_code


def _report_from_results(args: argparse.Namespace, inputs: list[Path], stored: list[Path], out: Path) -> int:
    """``bias report results.jsonl``: render from a stored ``bias analyze`` output, no re-analysis."""
    from tqdm import tqdm

    from bias.files import write_atomic
    from bias.render.report import render_report
    from bias.results import read_results

    if len(stored) != len(inputs):
        others = ", ".join(str(p) for p in inputs if p not in stored)
        print(f"bias: {', '.join(map(str, stored))} holds results of bias analyze, but {others} does not: "
              "give either analysis results or articles to analyse, not both", file=sys.stderr)
        return EXIT_USAGE
    if args.export:
        print("bias: --export works when bias report analyses the articles itself; an analysis file "
              "already holds every article's data (docs/output-format.md)", file=sys.stderr)
        return EXIT_USAGE
    bar = tqdm(desc="reading results", unit=" articles", disable=not show_progress(), file=sys.stderr,
               leave=False)

    def progress(n: int) -> None:
        bar.update(n - bar.n)

    read = read_results(stored, progress=progress)
    bar.close()
    for problem in read.problems:
        print(f"bias: skipped {problem}", file=sys.stderr)
    outcome = Outcome(analysed=len(read.data.tally) if read.data else 0, problems=list(read.problems))
    if read.data is None:
        print("bias: no analysis record could be read; no report written", file=sys.stderr)
        return outcome.exit_code
    html = render_report(read.data, title=args.title, templates=args.templates,
                         skipped=[str(p) for p in read.problems], extractors=_extractors(args.lexicon),
                         analysis_versions=read.versions)
    write_atomic(out, html)
    print(f"bias: wrote {out} ({len(read.data.tally)} articles, from the stored analysis)", file=sys.stderr)
    return outcome.exit_code


def cmd_analyze(args: argparse.Namespace) -> int:
    from bias.engine import Job, default_jobs
    from bias.export import article_record, attribution_csv, csv_rows
    from bias.files import atomic_output, check_output, write_atomic
    from bias.lexicons.user import load_user_lexicon
    from bias.pipeline import run_jobs
    from bias.versions import versions

    if args.scheduler and args.engine != "dask":
        print("bias: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    inputs = [Path(p) for p in args.inputs]
    if args.output is not None:
        check_output(args.output, inputs=inputs, force=args.force, default=False)
    lexicons = tuple(load_user_lexicon(p) for p in args.lexicon)
    outcome = Outcome()
    kwargs = {"max_bytes": args.max_size} if args.max_size else {}
    stamp = versions()
    jsonl = args.format == "jsonl" and not args.stories
    job = Job(lexicons, "jsonl" if jsonl else "scores", stamp)
    results = run_jobs(load_articles(args.inputs, outcome, **kwargs), outcome, job,
                       progress=show_progress(), jobs=args.jobs or default_jobs(), engine=args.engine,
                       scheduler=args.scheduler)
    if jsonl:  # streamed: one line out per article in, memory stays flat
        if args.output is None:
            for line in results:
                sys.stdout.write(line + "\n")
        else:
            first = next(results, None)
            if first is None:  # nothing analysed: leave no (empty) output file behind
                return outcome.exit_code
            with atomic_output(args.output) as fh:
                fh.write(first + "\n")
                for line in results:
                    fh.write(line + "\n")
    elif args.stories:
        return _analyze_with_stories(args, list(results), stamp, outcome)
    else:
        records = (article_record(s, stamp) for s in results)
        text = csv_rows(records) if args.format == "csv" else attribution_csv(records)
        if args.output is None:
            sys.stdout.write(text)
        else:
            write_atomic(args.output, text)
    return outcome.exit_code


def _analyze_with_stories(args: argparse.Namespace, scores: list, stamp: dict[str, str],
                          outcome: Outcome) -> int:
    """``bias analyze --stories``: group all articles into stories, then write every record."""
    from bias.compare.stories import assign_stories
    from bias.export import article_record, attribution_csv, csv_rows, to_json_line
    from bias.files import write_atomic

    stories = assign_stories([s.article for s in scores])
    if stories is None:
        print("bias: too many articles to group into stories (at most 5,000); run without --stories",
              file=sys.stderr)
        return EXIT_USAGE
    story_of = dict(stories.story_of)
    records = []
    for s in scores:
        rec = article_record(s, stamp)
        rec["story"] = story_of.get(s.article.id)
        records.append(rec)
    if args.format == "jsonl":
        text = "".join(to_json_line(r) + "\n" for r in records)
    elif args.format == "csv":
        text = csv_rows(records, extra=("story",))
    else:
        text = attribution_csv(records)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.output, text)
    return outcome.exit_code


def cmd_bench(args: argparse.Namespace) -> int:
    from bias.bench import run_bench
    from bias.engine import default_jobs

    run_bench(args.articles, jobs=args.jobs or default_jobs(), seed=args.seed, source=args.source,
              out=sys.stdout)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.what == "sentences":
        from bias.opinion.evaluate import evaluate_sentences
        from bias.sentence_flags import sentence_predictors

        flags = args.flag or ["opinion", "loaded"]
        evaluate_sentences(args.gold, flags, predictors=sentence_predictors())
        return EXIT_OK
    if args.what != "attribution":
        print("bias evaluate: say what to evaluate: attribution or sentences", file=sys.stderr)
        return EXIT_USAGE
    from bias.evaluation import evaluate_attribution, format_evaluation, load_gold

    gold = load_gold(args.gold)
    outcome = Outcome()
    scores = list(analyse_all(load_articles(args.inputs, outcome), outcome, progress=show_progress()))
    result = evaluate_attribution(gold, [(s.article, s.records.get("attributions", ())) for s in scores])
    print(format_evaluation(result, details=args.show_errors))
    return outcome.exit_code


def cmd_train_opinion(args: argparse.Namespace) -> int:
    from bias.files import check_output
    from bias.opinion.train import train_opinion_model

    check_output(args.output, inputs=[args.train], force=args.force, default=False)
    train_opinion_model(args.train, args.output, val_path=args.val)
    print(f"bias: wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    handlers = {"report": cmd_report, "analyze": cmd_analyze, "evaluate": cmd_evaluate,
                "train-opinion": cmd_train_opinion, "bench": cmd_bench}
    try:
        return handlers[args.command](args)
    except OutputError as exc:
        print(f"bias: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except BiasError as exc:
        print(f"bias: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `bias analyze ... | head`
        return EXIT_OK
    except KeyboardInterrupt:
        print("bias: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
