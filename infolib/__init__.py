"""infolib: numeric and symbolic helpers of the book on entropy, KL divergence and likelihood.

The numeric functions follow numpy/scipy conventions (``axis=-1``, keyword-only
options, broadcasting); natural logarithms (nats) unless ``base=2`` (bits).
Every bad input raises ``ValueError`` or ``TypeError`` naming the argument and
the value; no function returns a silent NaN.

Array types (which dtypes are accepted, the float64 results, the sum tolerance
of float16/float32 distributions such as a network's softmax output, masked
arrays) follow one policy, documented in the module docstring of
:mod:`infolib._validation` ("dtype policy").
"""

from infolib import (
    classification,
    coding,
    distributions,
    information,
    labels,
    mixtures,
    optimize,
)
from infolib.discrete import cross_entropy, empirical_distribution, entropy, kl_divergence
from infolib.distributions import Bernoulli, Categorical, Gaussian, MultivariateGaussian
from infolib.information import (
    conditional_entropy,
    jensen_shannon,
    joint_entropy,
    mutual_information,
)
from infolib.logits import (
    binary_cross_entropy_with_logits,
    cross_entropy_with_logits,
    log_softmax,
    softmax,
)
from infolib.montecarlo import (
    MonteCarloEstimate,
    monte_carlo_cross_entropy,
    monte_carlo_entropy,
    monte_carlo_kl_divergence,
)

__version__ = "0.2.0"

__all__ = [
    "entropy",
    "cross_entropy",
    "kl_divergence",
    "empirical_distribution",
    "joint_entropy",
    "conditional_entropy",
    "mutual_information",
    "jensen_shannon",
    "softmax",
    "log_softmax",
    "cross_entropy_with_logits",
    "binary_cross_entropy_with_logits",
    "classification",
    "coding",
    "distributions",
    "information",
    "labels",
    "mixtures",
    "optimize",
    "Bernoulli",
    "Categorical",
    "Gaussian",
    "MultivariateGaussian",
    "MonteCarloEstimate",
    "monte_carlo_cross_entropy",
    "monte_carlo_entropy",
    "monte_carlo_kl_divergence",
]
