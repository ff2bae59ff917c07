using Nomadic.Results;

namespace Nomadic.Experiments;

/// <summary>
/// The intermediate values of a run in progress, one per step in step order, written by the objective and read by
/// pruners on other threads. Readers get snapshots that never change: appending writes past every snapshot's end, and
/// a replacement or an insertion copies.
/// </summary>
internal sealed class ReportedValues
{
    private readonly Lock _gate = new();
    private IntermediateValue[] _buffer = [];
    private int _count;

    /// <summary>Gets the values reported so far; the list does not change afterwards.</summary>
    public IReadOnlyList<IntermediateValue> Snapshot
    {
        get
        {
            lock (_gate)
            {
                return new ArraySegment<IntermediateValue>(_buffer, 0, _count);
            }
        }
    }

    /// <summary>Records the value of a step, replacing the value reported before for the same step.</summary>
    public void Add(int step, double value)
    {
        var entry = new IntermediateValue(step, value);
        lock (_gate)
        {
            if (_count == 0 || _buffer[_count - 1].Step < step)
            {
                if (_count == _buffer.Length)
                {
                    Array.Resize(ref _buffer, Math.Max(8, _count * 2));
                }

                _buffer[_count++] = entry;
                return;
            }

            int index = Array.BinarySearch(_buffer, 0, _count, entry, StepOrder.Instance);
            var copy = new IntermediateValue[index >= 0 ? _buffer.Length : Math.Max(_buffer.Length, _count + 1)];
            if (index >= 0)
            {
                Array.Copy(_buffer, copy, _count);
                copy[index] = entry;
            }
            else
            {
                index = ~index;
                Array.Copy(_buffer, copy, index);
                copy[index] = entry;
                Array.Copy(_buffer, index, copy, index + 1, _count - index);
                _count++;
            }

            _buffer = copy;
        }
    }

    private sealed class StepOrder : IComparer<IntermediateValue>
    {
        public static readonly StepOrder Instance = new();

        public int Compare(IntermediateValue x, IntermediateValue y) => x.Step.CompareTo(y.Step);
    }
}
