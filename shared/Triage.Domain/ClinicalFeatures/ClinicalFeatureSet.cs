using System.Collections.Immutable;

namespace Triage.Domain.ClinicalFeatures;

/// <summary>The known clinical features of one case; a feature not in the set is unknown.</summary>
public sealed class ClinicalFeatureSet
{
    public static ClinicalFeatureSet Empty { get; } = new(ImmutableDictionary<string, FeatureValue>.Empty);

    private readonly ImmutableDictionary<string, FeatureValue> _values;

    private ClinicalFeatureSet(ImmutableDictionary<string, FeatureValue> values) => _values = values;

    public FeatureValue this[string key] => _values.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, FeatureValue> Known => _values;

    /// <summary>A set with <paramref name="key"/> set to <paramref name="value"/>, validated against the catalogue.</summary>
    /// <exception cref="InvalidFeatureValueException">The key is not a feature or the value is not allowed.</exception>
    public ClinicalFeatureSet With(string key, FeatureValue value)
    {
        var feature = ClinicalFeatureCatalogue.Find(key) ?? throw new InvalidFeatureValueException(key, $"'{key}' is not a clinical feature.");
        if (feature.Check(value) is { } problem)
        {
            throw new InvalidFeatureValueException(key, problem);
        }

        return new(value.IsUnknown ? _values.Remove(key) : _values.SetItem(key, value));
    }

    /// <summary>True when every feature of the catalogue is known.</summary>
    public bool IsComplete => ClinicalFeatureCatalogue.All.All(f => _values.ContainsKey(f.Key));
}

public sealed class InvalidFeatureValueException(string key, string message) : ArgumentException(message)
{
    public string Key { get; } = key;
}
