using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Plenum.Data;

/// <summary>
/// The model holds converters bound to one field key; keying the cached model by that key keeps two
/// instances in one process (as in tests) from encrypting with each other's keys.
/// </summary>
public sealed class ModelCacheKeyPerFieldKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as PlenumDb)?.Encryption, designTime);
}
