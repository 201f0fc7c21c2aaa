using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// A test seam like <see cref="RivalSave"/> for bulk statements (ExecuteUpdate/ExecuteDelete, which bypass SaveChanges):
/// armed with a fragment of SQL, the next non-query command of the app whose text contains it first runs the rival to
/// completion on its own scope (e.g. a message delivered while a page is being built). Unarmed it does nothing.
/// Registered on every test app (<see cref="TalentHubFactory.RivalCommand"/>); arm it only in tests of a serial collection.
/// </summary>
public sealed class RivalCommand : DbCommandInterceptor
{
    private readonly Lock _gate = new();
    private string? _sql;
    private Func<Task>? _rival;

    /// <summary>True once the armed rival has run.</summary>
    public bool Ran { get; private set; }

    /// <summary>Runs <paramref name="rival"/> once, just before the next non-query command containing <paramref name="sql"/>.</summary>
    public void Arm(string sql, Func<Task> rival)
    {
        lock (_gate) (_sql, _rival, Ran) = (sql, rival, false);
    }

    /// <summary>Disarms without running.</summary>
    public void Disarm()
    {
        lock (_gate) (_sql, _rival) = (null, null);
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Take(command) is { } rival)
        {
            Task run;
            // The rival is another actor: it must not see this request's HttpContext.
            using (ExecutionContext.SuppressFlow()) run = Task.Run(rival, CancellationToken.None);
            await run;
            Ran = true;
        }
        return result;
    }

    private Func<Task>? Take(DbCommand command)
    {
        lock (_gate)
        {
            if (_rival is null || _sql is null || !command.CommandText.Contains(_sql, StringComparison.Ordinal)) return null;
            var rival = _rival;
            (_sql, _rival) = (null, null);
            return rival;
        }
    }
}
