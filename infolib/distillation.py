r"""Knowledge distillation: the temperature-softened KL loss and its gradient.

Derived in Part IV, chapter "Scoring rules, calibration and distillation". A
teacher with logits :math:`v` and a student with logits :math:`z` are both
softened by a temperature :math:`\tau > 0`,

.. math::

    p_\tau = \operatorname{softmax}(v / \tau), \qquad q_\tau = \operatorname{softmax}(z / \tau),

and the student minimises :math:`\KL(p_\tau \,\|\, q_\tau)`, whose gradient in
the student logits is :math:`(q_\tau - p_\tau)/\tau` (Hinton, Vinyals & Dean,
2015). Everything goes through :func:`infolib.log_softmax`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from infolib._validation import as_logits, as_positive_scalar, check_reduction
from infolib.logits import log_softmax

__all__ = ["distillation_gradient", "distillation_loss"]


def _pair(teacher_logits: Any, student_logits: Any, temperature: Any):
    v = as_logits(teacher_logits, "teacher_logits")
    z = as_logits(student_logits, "student_logits")
    if v.shape[-1] != z.shape[-1]:
        raise ValueError(
            f"teacher_logits and student_logits must have the same number of classes "
            f"(got shapes {v.shape} and {z.shape})"
        )
    try:
        v, z = np.broadcast_arrays(v, z)
    except ValueError:
        raise ValueError(f"teacher_logits and student_logits with shapes {v.shape} and "
                         f"{z.shape} do not broadcast together") from None
    tau = as_positive_scalar(temperature, "temperature")
    return log_softmax(v / tau), log_softmax(z / tau), tau


def distillation_loss(
    teacher_logits: Any, student_logits: Any, *, temperature: float, reduction: str = "mean"
) -> np.ndarray | np.floating:
    r"""Distillation loss :math:`\KL(p_\tau \,\|\, q_\tau)` in nats, from the two sets of logits.

    .. math::

        \KL(p_\tau \,\|\, q_\tau) = \sum_{k=1}^K p_{\tau,k}
        \bigl(\log p_{\tau,k} - \log q_{\tau,k}\bigr),
        \quad p_\tau = \operatorname{softmax}(v/\tau),\ q_\tau = \operatorname{softmax}(z/\tau).

    Training code usually multiplies it by :math:`\tau^2`, so that its gradient
    keeps its size when :math:`\tau` changes; this function does not.

    Parameters
    ----------
    teacher_logits : array_like, shape (..., K)
        The teacher's logits :math:`v`.
    student_logits : array_like, shape (..., K)
        The student's logits :math:`z`; broadcasts with ``teacher_logits``.
    temperature : float
        :math:`\tau > 0`.
    reduction : {"mean", "sum", "none"}, default "mean"
        Over all rows.

    Returns
    -------
    numpy.ndarray or numpy.floating

    Raises
    ------
    ValueError, TypeError
        On non-finite logits, different numbers of classes or ``temperature <= 0``.

    References
    ----------
    Hinton, Vinyals & Dean (2015), "Distilling the knowledge in a neural network", sec. 2.

    Examples
    --------
    >>> float(distillation_loss([2.0, 0.0], [2.0, 0.0], temperature=3.0))
    0.0
    >>> float(distillation_loss([2.0, 0.0], [0.0, 0.0], temperature=1.0).round(6))
    0.327813

    See Also
    --------
    distillation_gradient : its gradient in the student logits.
    infolib.kl_divergence : the same number from the two distributions.
    """
    reduction = check_reduction(reduction)
    logp, logq, _ = _pair(teacher_logits, student_logits, temperature)
    losses = np.sum(np.exp(logp) * (logp - logq), axis=-1)
    if reduction == "none":
        return losses
    return losses.mean() if reduction == "mean" else losses.sum()


def distillation_gradient(
    teacher_logits: Any, student_logits: Any, *, temperature: float
) -> np.ndarray:
    r"""Gradient of the distillation loss in the student logits, :math:`(q_\tau - p_\tau)/\tau`.

    Row by row (the gradient of ``distillation_loss(..., reduction="none")``;
    divide by the number of rows for the mean). Each row sums to zero. For
    large :math:`\tau` and zero-mean logits it is
    :math:`(z - v)/(K\tau^2) + O(\tau^{-3})`, which is why the loss is
    multiplied by :math:`\tau^2`.

    Parameters
    ----------
    teacher_logits, student_logits : array_like, shape (..., K)
    temperature : float
        :math:`\tau > 0`.

    Returns
    -------
    numpy.ndarray, shape (..., K)

    Raises
    ------
    ValueError, TypeError
        As :func:`distillation_loss`.

    References
    ----------
    Hinton, Vinyals & Dean (2015), eq. (2) and (3).

    Examples
    --------
    >>> distillation_gradient([2.0, 0.0], [0.0, 0.0], temperature=2.0).round(6)
    array([-0.115529,  0.115529])

    See Also
    --------
    distillation_loss
    infolib.classification.softmax_regression_gradient : the case :math:`\tau = 1`, one-hot teacher.
    """
    logp, logq, tau = _pair(teacher_logits, student_logits, temperature)
    return (np.exp(logq) - np.exp(logp)) / tau
