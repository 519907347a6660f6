using MassTransit;
using Microsoft.Extensions.Logging;
using Triage.Contracts;
using Triage.Inference.Models;

namespace Triage.Inference.Promotion;

/// <summary>
/// Swaps in the promoted models once they load and run. A promotion that cannot be served is refused with a
/// log and acknowledged: no retry can mend the files it names, and the models in use keep serving. One no newer than
/// the promotion served (a repeated delivery) is acknowledged and changes nothing.
/// </summary>
public sealed class ModelPromotedConsumer(
    PromotedModelsLoader loader,
    ServingModelsHolder holder,
    NewestPromotion newest,
    ILogger<ModelPromotedConsumer> logger) : IConsumer<ModelPromoted>
{
    public Task Consume(ConsumeContext<ModelPromoted> context)
    {
        var promotion = context.Message;
        logger.PromotionReceived(promotion.StudentModelVersion, promotion.TeacherModelVersion, promotion.PromotedBy, promotion.Reason);
        if (newest.IsSupersededOrServed(promotion.PromotedAt))
        {
            logger.PromotionIgnored(promotion.StudentModelVersion, promotion.PromotedAt);
            return Task.CompletedTask;
        }

        ServingModels next;
        using (var serving = holder.Acquire())
        {
            try
            {
                next = loader.Load(promotion, serving.Models.Student.Contract);
            }
            catch (Exception refused) when (refused is not OperationCanceledException)
            {
                logger.PromotionRefused(promotion.StudentModelVersion, promotion.TeacherModelVersion, serving.Generation.Number, refused.Message, refused);
                return Task.CompletedTask;
            }
        }

        var generation = holder.Swap(next);
        newest.Served(promotion.PromotedAt);
        logger.ModelsSwapped(generation.Number, next.Student.Contract.ModelName, next.Student.Contract.ModelVersion,
            next.Teacher is { } teacher ? $"{teacher.Contract.ModelName} {teacher.Contract.ModelVersion}" : "none");
        return Task.CompletedTask;
    }
}
