"""infolib: numeric and symbolic helpers of the book on entropy, KL divergence and likelihood.

The numeric functions follow numpy/scipy conventions (``axis=-1``, keyword-only
options, broadcasting); natural logarithms (nats) unless ``base=2`` (bits).
Every bad input raises ``ValueError`` or ``TypeError`` naming the argument and
the value; no function returns a silent NaN.

Array types (which dtypes are accepted, the float64 results, the sum tolerance
of float16/float32 distributions such as a network's softmax output, masked
arrays) follow one policy, documented in the module docstring of
:mod:`infolib._validation` ("dtype policy").

Architecture (which module does what; each public module has one job):

========================  =================================================================
module                    job
========================  =================================================================
``discrete``              H(p), H(p, q), KL(p || q) of discrete distributions; p-hat
``information``           joint and conditional entropy, mutual information, Jensen-Shannon
``logits``                softmax, log-softmax, (binary) cross-entropy from logits
``labels``                one-hot and label-smoothed targets
``classification``        softmax regression: logits, gradient, fitting by gradient descent
``distributions``         Bernoulli, Categorical, Gaussian, MultivariateGaussian (batched),
                          each in its own module (``bernoulli``, ``categorical``, ...)
``mixtures``              Gaussian mixtures (``gaussian_mixture``), forward and reverse KL
``montecarlo``            Monte Carlo estimates with standard errors (batched)
``coding``                Huffman and Shannon codeword lengths
``splits``                information gain of threshold splits (decision trees)
``variational``           the conjugate Gaussian model's posterior, evidence and ELBO;
                          the VAE's KL term to a standard normal
``optimize``              one-dimensional minimisation on an interval
``ngram``                 character n-gram models: counts, additive smoothing, bits per char
``corpus``                the book's own prose (chapters 00-09) as a packaged text snapshot
``numeric_check``         the chapters' numeric checks, printed as bounds against tolerances
``fisher``                Fisher information of one-parameter families (batched)
``check``                 the self-checks of the exercises ("correct" / "not yet")
``plotting``              the figure style (light and dark mode, deterministic PNGs)
``scoring``               scoring rules (log, Brier, linear), calibration error, temperature
``distillation``          the distillation loss KL(p_tau || q_tau) and its gradient
``symbolic``              Derivation and the provers (its own table in its ``__init__``)
``_validation``           every domain validator (on ``_arrays``' array primitives)
``_kernels``              blocked array kernels of the discrete measures (KL, JS, sums)
``_special``              special functions without cancellation (log1p forms, series)
``_families``             what the distribution classes share (repr, batch shape, ``base``)
========================  =================================================================

Dependencies point one way: the private modules depend on nothing public, the
measures on them, the distributions and fitting code on the measures.
"""

from infolib import (
    classification,
    coding,
    corpus,  # the book's prose as a corpus (chapter 11)
    distillation,
    distributions,
    fisher,
    information,
    labels,
    mixtures,
    ngram,  # character language models (chapter 11)
    optimize,
    scoring,
)
from infolib.discrete import cross_entropy, empirical_distribution, entropy, kl_divergence
from infolib.distributions import Bernoulli, Categorical, Gaussian, MultivariateGaussian
from infolib.fisher import (
    bernoulli_fisher_information,
    finite_fisher_information,
    gaussian_fisher_information,
    mle_standard_error,
)
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

# isort: split
# information gain of splits (chapter 10); variational inference (chapter 13)
from infolib import splits, variational
from infolib.variational import (
    conjugate_gaussian_log_evidence,
    conjugate_gaussian_posterior,
    gaussian_elbo,
    kl_to_standard_normal,
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
    "splits",
    "Bernoulli",
    "Categorical",
    "Gaussian",
    "MultivariateGaussian",
    "MonteCarloEstimate",
    "monte_carlo_cross_entropy",
    "monte_carlo_entropy",
    "monte_carlo_kl_divergence",
    # Fisher information
    "fisher",
    "bernoulli_fisher_information",
    "finite_fisher_information",
    "gaussian_fisher_information",
    "mle_standard_error",
    # Language models (chapter 11)
    "corpus",
    "ngram",
    # Part IV, chapter 12
    "distillation",
    "scoring",
    # variational inference (chapter 13)
    "variational",
    "conjugate_gaussian_posterior",
    "conjugate_gaussian_log_evidence",
    "gaussian_elbo",
    "kl_to_standard_normal",
]
