"""Ship the top-level ``codebooks/`` directory inside the installed package.

The default codebook lives at the repository root so that analysts can read and
extend it as plain data; a regular (non-editable) install copies it to
``eventcoder/_codebooks`` so that ``Coder()`` finds it without the source tree.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCodebooks(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).parent / "codebooks"
        target = Path(self.build_lib) / "eventcoder" / "_codebooks"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target)


setup(cmdclass={"build_py": BuildWithCodebooks})
