"""Put models/ (and models/induction/, after it) on sys.path so the tests import the scripts as modules, from any working folder; one torch thread."""

import os
import sys

import torch

torch.set_num_threads(1)  # the machine's cores are shared; the scripts default to one thread too

MODELS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for folder in (os.path.join(MODELS, "induction"), MODELS):  # models/ first: its modules are the ones every test means
    if folder not in sys.path:
        sys.path.insert(0, folder)
