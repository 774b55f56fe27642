"""check_selection.py REPORT: applies photonic-prune-lth's rule (the ticket
is the last round before the first one that loses more than
max-accuracy-loss against round 0) to the validation accuracies and, for
contrast, to the test accuracies of the recorded rounds; fails unless the
pass chose the validation round. Prints both rounds."""
import json
import sys

MAX_LOSS = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05


def rule(values):
    best = 0
    for i, v in enumerate(values[1:], start=1):
        if values[0] - v > MAX_LOSS:
            break
        best = i
    return best


report = json.load(open(sys.argv[1]))
rounds = report["lth"]["rounds"]
by_validation = rule([r["accuracy"] for r in rounds])
by_test = rule([r["test_accuracy"] for r in rounds])
if report["lth"]["best_round"] != by_validation:
    sys.exit(f"pass chose round {report['lth']['best_round']}, validation rule "
             f"gives {by_validation}")
print(f"chosen round {by_validation} on {report['selection_split']}; "
      f"the test split's rule would choose round {by_test}")
