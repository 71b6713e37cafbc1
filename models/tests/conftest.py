"""Put models/ on sys.path so the tests import the scripts as modules, from any working folder; one torch thread."""

import os
import sys

import torch

torch.set_num_threads(1)  # the machine's cores are shared; the scripts default to one thread too

MODELS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if MODELS not in sys.path:
    sys.path.insert(0, MODELS)
