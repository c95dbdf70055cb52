using LoadKit;

// loadkit fixtures DIR            write fixtures (baked.png, badge.jws, …) and the issuer's documents
// loadkit issuer DIR PORT         serve DIR/site as https://issuer.example on 127.0.0.1:PORT until killed
// loadkit soak URL DIR PID SECONDS RATE   steady-rate mix of valid, invalid and hostile requests
return args switch
{
    ["fixtures", var dir] => FixtureWriter.Write(dir),
    ["issuer", var dir, var port] => await IssuerServer.RunAsync(dir, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)),
    ["soak", var url, var dir, var pid, var seconds, var rate] => await Soak.RunAsync(
        new Uri(url), dir, int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: loadkit fixtures DIR | issuer DIR PORT | soak URL DIR PID SECONDS RATE");
    return 2;
}
