"""infolib: the numeric and symbolic helpers of the book *Entropy, Cross-Entropy, KL and Likelihood*.

The numeric functions follow numpy/scipy conventions (float64, ``axis=-1``,
keyword-only options, broadcasting); natural logarithms (nats) unless
``base=2`` (bits). Every bad input raises ``ValueError`` or ``TypeError``
naming the argument.
"""

from infolib.discrete import cross_entropy, empirical_distribution, entropy, kl_divergence
from infolib.logits import cross_entropy_with_logits, log_softmax, softmax

__version__ = "0.1.0"

__all__ = [
    "entropy",
    "cross_entropy",
    "kl_divergence",
    "empirical_distribution",
    "softmax",
    "log_softmax",
    "cross_entropy_with_logits",
]
