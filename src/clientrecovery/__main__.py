"""``python -m clientrecovery``: the same as the ``clientrecovery`` command."""

from clientrecovery.cli import run

if __name__ == "__main__":
    run()
