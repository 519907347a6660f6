using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Triage.Training.Registry;

/// <summary>Stores a point in time as its UTC ticks.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
