namespace Triage.Inference.Promotion;

/// <summary>
/// When the promotion this instance serves was made. Announcements are delivered at least once (an outbox relay
/// may publish one again, and a broker redelivers), so an announcement no newer than it would swap the models back to
/// an older champion and is ignored instead.
/// </summary>
public sealed class NewestPromotion
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _servedPromotionAt;

    public bool IsSupersededOrServed(DateTimeOffset promotedAt)
    {
        lock (_lock)
        {
            return _servedPromotionAt is { } served && promotedAt <= served;
        }
    }

    public void Served(DateTimeOffset promotedAt)
    {
        lock (_lock)
        {
            if (_servedPromotionAt is not { } served || promotedAt > served)
            {
                _servedPromotionAt = promotedAt;
            }
        }
    }
}
