using AllianceRules.Playground.Components;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<PlaygroundPage>("#app");
await builder.Build().RunAsync();
