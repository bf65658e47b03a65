"""``python -m clientrecovery``: the same as the ``clientrecovery`` command."""

from clientrecovery._launch import run

if __name__ == "__main__":
    run()
