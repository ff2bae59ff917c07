namespace Nomadic.Analysis;

/// <summary>A node of a regression tree: a split (on a threshold or a set of categories) or a leaf predicting <see cref="Value"/>.</summary>
/// <param name="Feature">The feature split on, or -1 for a leaf.</param>
/// <param name="Threshold">Numeric splits send values ≤ threshold left.</param>
/// <param name="LeftCategories">Categorical splits send these categories left (null for numeric splits and leaves).</param>
/// <param name="Left">The left child's index.</param>
/// <param name="Right">The right child's index.</param>
/// <param name="Value">The weighted mean score of the node's runs.</param>
internal readonly record struct TreeNode(int Feature, double Threshold, bool[]? LeftCategories, int Left, int Right, double Value)
{
    public bool IsLeaf => Feature < 0;
}
