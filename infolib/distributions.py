r"""Three small parametric families with closed-form information measures.

:class:`Bernoulli`, :class:`Categorical` and :class:`Gaussian` (univariate)
follow the conventions of ``torch.distributions`` and ``scipy.stats``: each is
an immutable value object with ``log_prob``, ``sample(n, rng)`` and the
closed-form ``entropy``, ``cross_entropy`` and ``kl_divergence``, plus a
``fit`` class method returning the maximum-likelihood estimate.

Conventions
-----------
* Logarithms are natural (results in **nats**) unless ``base`` is given;
  ``base=2`` gives bits. The result in base :math:`b` is the result in nats
  divided by :math:`\log b`.
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

__all__ = ["Bernoulli", "Categorical", "Gaussian"]
