namespace Nomadic.Results;

/// <summary>A value a run reported while in progress (a validation score after an epoch, a loss after a batch).</summary>
/// <param name="Step">The step it was reported at, 0 or more: an epoch, an iteration, a number of samples.</param>
/// <param name="Value">The value, in the experiment's direction (higher is better when maximizing); never NaN.</param>
public readonly record struct IntermediateValue(int Step, double Value);
