"""Runs the README's five-minute tour exactly as a reader pastes it.

  run_readme_tour.py README.md SOURCE_ROOT BUILD_DIR WORK_DIR

Takes every ```sh block between '## A five-minute tour' and the next
'## ' heading, in order, and runs them as one bash script (set -e, so the
first failing command stops it) in WORK_DIR, a stand-in for the repository
root whose examples/ and scripts/ link to SOURCE_ROOT's and whose build/
links to BUILD_DIR. Prints each command's output; exits with bash's status.
"""
import os
import re
import shutil
import subprocess
import sys


def tour_blocks(readme):
    text = open(readme, encoding="utf-8").read()
    start = text.index("## A five-minute tour")
    end = text.find("\n## ", start + 1)
    section = text[start:end if end >= 0 else len(text)]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def main():
    readme, source, build, work = sys.argv[1:5]
    blocks = tour_blocks(readme)
    if not blocks:
        sys.exit("run_readme_tour: no ```sh blocks in the tour of " + readme)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for name in ("examples", "scripts"):
        os.symlink(os.path.join(source, name), os.path.join(work, name))
    os.symlink(build, os.path.join(work, "build"))
    script = "set -euo pipefail\nset -x\n" + "\n".join(blocks)
    done = subprocess.run(["bash", "-c", script], cwd=work,
                          stderr=subprocess.STDOUT)
    sys.exit(done.returncode)


if __name__ == "__main__":
    main()
