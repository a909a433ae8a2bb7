"""Tests of the package namespace (infolib/__init__.py): 0.2 keeps every 0.1 import path."""

from __future__ import annotations

import importlib
import re

import pytest

import infolib

NAMES_OF_0_1 = [
    "entropy", "cross_entropy", "kl_divergence", "empirical_distribution", "softmax",
    "log_softmax", "cross_entropy_with_logits", "classification", "distributions", "mixtures",
    "Bernoulli", "Categorical", "Gaussian", "MonteCarloEstimate", "monte_carlo_cross_entropy",
    "monte_carlo_entropy", "monte_carlo_kl_divergence",
]
NEW_IN_0_2 = [
    "binary_cross_entropy_with_logits", "joint_entropy", "conditional_entropy",
    "mutual_information", "jensen_shannon", "MultivariateGaussian", "information",
    "coding", "labels", "optimize",
]


def test_version_is_a_release_number():
    # The value itself is written once, in infolib/__init__.py; test_release_metadata.py
    # checks that pyproject, CITATION.cff, the changelog and the site follow it.
    assert re.fullmatch(r"\d+\.\d+\.\d+", infolib.__version__), infolib.__version__


@pytest.mark.parametrize("name", NAMES_OF_0_1 + NEW_IN_0_2)
def test_public_names_are_exported(name):
    assert name in infolib.__all__
    assert getattr(infolib, name) is not None


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("infolib.distributions", "Bernoulli"),
        ("infolib.distributions", "Categorical"),
        ("infolib.distributions", "Gaussian"),
        ("infolib.mixtures", "GaussianMixture"),
        ("infolib.mixtures", "forward_kl"),
        ("infolib.mixtures", "reverse_kl"),
        ("infolib.montecarlo", "monte_carlo_cross_entropy"),
        ("infolib.classification", "fit_softmax_regression"),
        ("infolib.numeric_check", "check_identity"),
    ],
)
def test_import_paths_of_0_1_still_work(module, name):
    assert getattr(importlib.import_module(module), name) is not None


def test_re_exports_are_the_same_objects():
    from infolib.distributions import Gaussian
    from infolib.gaussian import Gaussian as Defined
    from infolib.gaussian_mixture import GaussianMixture
    from infolib.mixtures import GaussianMixture as Reexported

    assert infolib.Gaussian is Gaussian is Defined
    assert Reexported is GaussianMixture
