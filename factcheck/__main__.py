import sys

try:
    from factcheck.cli import main
except KeyboardInterrupt:  # Ctrl-C while starting up, before main() takes over the signal
    print("interrupted; the ledger is unchanged", file=sys.stderr)
    sys.exit(130)

main()
