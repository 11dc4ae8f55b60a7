"""Run the built `inami` tool and read its --json output (floats as decimal.Decimal)."""

import decimal
import json
import subprocess


def cli_json(cli, *args):
    """The document `inami ARGS... --json` prints."""
    out = subprocess.run([cli, *args, "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out, parse_float=decimal.Decimal)
