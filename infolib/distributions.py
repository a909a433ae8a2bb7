r"""Parametric families with closed-form information measures.

:class:`Bernoulli`, :class:`Categorical`, :class:`Gaussian` (univariate) and
:class:`MultivariateGaussian` follow the conventions of ``torch.distributions``
and ``scipy.stats``: each is an immutable value object with ``log_prob``,
``sample(n, rng)`` and the closed-form ``entropy``, ``cross_entropy`` and
``kl_divergence``, plus a ``fit`` class method returning the maximum-likelihood
estimate. Each family lives in its own module (:mod:`infolib.bernoulli`, ...)
and is re-exported here and from :mod:`infolib`.

Conventions
-----------
* **Batches.** ``Bernoulli(p)``, ``Categorical(probs)`` (the rows of ``probs``)
  and ``Gaussian(mean, std)`` accept array parameters, which broadcast like
  ``torch.distributions`` and ``scipy.stats``: the distribution is then a
  batch of independent distributions of shape ``batch_shape``, every method
  returns arrays of that shape (``sample(n, rng)``: ``(n, *batch_shape)``;
  ``log_prob(x)``: ``x`` broadcast against the batch), and two batches in
  ``cross_entropy``/``kl_divergence`` broadcast against each other. Use them
  instead of a Python loop over parameters. With scalar parameters
  (``batch_shape == ()``) everything is as in 0.1: the parameters are floats,
  the measures return floats with the same values bit for bit. A batch performs
  the same operations elementwise, so replacing a loop over scalar
  distributions by one batch gives the same numbers (bit for bit where numpy's
  ``log`` is the C library's, as on x86-64 without AVX-512; otherwise within an
  ulp).
* Logarithms are natural (results in **nats**) unless ``base`` is given;
  ``base=2`` gives bits. The result in base :math:`b` is the result in nats
  divided by :math:`\log b`. ``base`` is keyword-only (by position it still
  works, with a ``DeprecationWarning``).
* :math:`0 \log 0 = 0`, and :math:`H(p, q) = D_{\mathrm{KL}}(p \,\|\, q) = +\infty`
  whenever :math:`p` puts mass where :math:`q` has none.
* ``cross_entropy(other)`` and ``kl_divergence(other)`` read
  :math:`H(\text{self}, \text{other})` and
  :math:`D_{\mathrm{KL}}(\text{self} \,\|\, \text{other})`; ``other`` must be of
  the same family (otherwise ``TypeError``).

References
----------
.. [CT] T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
   Wiley, 2006, ch. 2 (entropy, relative entropy) and ch. 8 (differential entropy).
.. [Bishop] C. M. Bishop, *Pattern Recognition and Machine Learning*, Springer,
   2006, sec. 1.6 (information theory) and sec. 2.1-2.3 (maximum likelihood for
   the Bernoulli, multinomial and Gaussian).
"""

from infolib.bernoulli import Bernoulli
from infolib.categorical import Categorical
from infolib.gaussian import Gaussian
from infolib.multivariate import MultivariateGaussian

__all__ = ["Bernoulli", "Categorical", "Gaussian", "MultivariateGaussian"]
