// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZkOptions.Sequencer.Http;
using ZkOptions.Sequencer.Journal;
using ZkOptions.Settlement.Parameters;

namespace ZkOptions.Sequencer.Hosting;

/// <summary>
/// Builds the running service: locks the data directory, opens the journal store, recovers the exchange (replay
/// and state-root checks) and serves the API.
/// </summary>
public sealed class SequencerHost : IAsyncDisposable
{
    private readonly DataDirectoryLock directoryLock;

    private SequencerHost(DataDirectoryLock directoryLock, SequencerService service, WebApplication app)
    {
        this.directoryLock = directoryLock;
        Service = service;
        App = app;
    }

    /// <summary>The sequencer.</summary>
    public SequencerService Service { get; }

    /// <summary>The web application.</summary>
    public WebApplication App { get; }

    /// <summary>
    /// Recovers and builds the service; <paramref name="openStore"/> opens the journal store (null: SQLite in the data
    /// directory). The caller starts it with <c>App.StartAsync</c> or <c>App.RunAsync</c>.
    /// </summary>
    public static SequencerHost Create(ServiceOptions options, IReadOnlyList<string> urls, Func<IJournalStore>? openStore = null, LogLevel logLevel = LogLevel.Warning)
    {
        DataDirectoryLock directoryLock = DataDirectoryLock.Take(options.DataDirectory);
        IJournalStore? store = null;
        try
        {
            store = openStore?.Invoke() ?? new SqliteJournalStore(Path.Combine(options.DataDirectory, "journal.db"));
            SequencerService service = SequencerService.Start(options, store);
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.SetMinimumLevel(logLevel);
            builder.WebHost.UseUrls([.. urls]);
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Limits.MaxRequestBodySize = RequestBodies.MaxBytes;
                k.AddServerHeader = false;
            });
            WebApplication app = builder.Build();
            app.UseExceptionHandler(error => error.Run(async context =>
            {
                // Not a refusal of bad input (those are answered where they are found) but a fault of the service.
                Exception? ex = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                context.Response.StatusCode = ex is BadHttpRequestException bad ? bad.StatusCode : 500;
                context.Response.ContentType = "application/problem+json";
                await context.Response.WriteAsync(new JsonObject
                {
                    ["type"] = "about:blank",
                    ["title"] = ex is BadHttpRequestException ? "bad request" : "internal error",
                    ["status"] = context.Response.StatusCode,
                    ["detail"] = ex?.Message,
                }.ToJsonString());
            }));
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
            var streams = new StreamHub(service, TimeProvider.System);
            app.Map("/ws/trades", (HttpContext c) => streams.Serve(c, "trades"));
            app.Map("/ws/batches", (HttpContext c) => streams.Serve(c, "batches"));
            app.Map("/ws/epochs", (HttpContext c) => streams.Serve(c, "epochs"));
            app.Map("/ws/books/{series}", (HttpContext c, string series) => streams.Serve(c, "book:" + series));
            app.Map("/ws/accounts/{account}", (HttpContext c, string account) => streams.ServeAccount(c, account));
            app.MapGet("/openapi.json", () => Results.Stream(
                typeof(SequencerHost).Assembly.GetManifestResourceStream("openapi.json") ?? throw new InvalidOperationException("the OpenAPI resource is missing"),
                "application/json"));
            app.MapGet("/parameters", () => Results.Text(ExchangeParametersJson.Write(service.Parameters).ToJsonString(), "application/json"));
            SequencerApi.Map(app, service);
            app.Lifetime.ApplicationStopped.Register(service.Dispose);
            return new SequencerHost(directoryLock, service, app);
        }
        catch
        {
            store?.Dispose();
            directoryLock.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Service.Dispose();
        directoryLock.Dispose();
    }
}
