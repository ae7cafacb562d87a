"""`lokomp`: one entry point for the operations (serve, demo data, export, backup and
restore, benchmark)."""

import argparse
import os
import subprocess
import sys
from pathlib import Path


def _django(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lokomp.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["lokomp", *argv])


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog="lokomp", description="Lokomp – lokal kompetanseutvikling."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="Migrer databasen og start tjenesten.")
    serve.add_argument("address", nargs="?", default="127.0.0.1:8000")
    sub.add_parser("demo", help="Last demodataene (gjør ingenting om de finnes fra før).")
    sub.add_parser("worker", help="Send påminnelser og e-post som venter (kjør ved siden av).")
    export = sub.add_parser("export", help="Eksporter en tiltaksplan til fil.")
    export.add_argument("partnership", help="Partnerskapets kortnavn, f.eks. sor-troms-evenes")
    export.add_argument("year", help="Skoleår, f.eks. 2025-2026")
    export.add_argument("--format", choices=["pdf", "docx", "xlsx", "ics"], default="pdf")
    export.add_argument("--out", required=True, help="Filen som skal skrives.")
    bench = sub.add_parser("bench", help="Mål sidetider mot en bar visning (fra kildekoden).")
    bench.add_argument("--rounds", type=int, default=40)
    bench.add_argument("--databases", default="sqlite,postgres")
    backup = sub.add_parser("backup", help="Sikkerhetskopi av databasen til fil (.json.gz).")
    backup.add_argument("file")
    restore = sub.add_parser("restore", help="Les tilbake en sikkerhetskopi (erstatter alt).")
    restore.add_argument("file")
    restore.add_argument("--yes", action="store_true")
    sub.add_parser("manage", help="Django-kommandoer (lokomp manage -- migrate …).", add_help=False)
    if argv and argv[0] == "manage":
        _django(argv[1:])
        return
    args = parser.parse_args(argv)
    if args.command == "serve":
        _django(["migrate", "--noinput"])
        _django(["runserver", args.address])
    elif args.command == "demo":
        _django(["load_demo"])
    elif args.command == "worker":
        _django(["worker"])
    elif args.command == "export":
        _django(
            ["export_plan", args.partnership, args.year, "--format", args.format, "--out", args.out]
        )
    elif args.command == "backup":
        _django(["backup", args.file])
    elif args.command == "restore":
        _django(["restore", args.file, *(["--yes"] if args.yes else [])])
    elif args.command == "bench":
        # The benchmark lives beside the package, in the source tree (bench/).
        root = Path(__file__).resolve().parent.parent
        command = [
            sys.executable,
            "-m",
            "bench.run",
            "--rounds",
            str(args.rounds),
            "--databases",
            args.databases,
        ]
        sys.exit(subprocess.call(command, cwd=root))


if __name__ == "__main__":
    main()
