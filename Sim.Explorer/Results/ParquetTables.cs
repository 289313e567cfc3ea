using System.Reflection;
using CsvHelper;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace Sim.Explorer.Results;

/// <summary>
/// Writes a result table as Parquet with the same columns, names and order as its CSV: the schema is read from the
/// row class's <c>[CsvColumn]</c> properties, so a column added to a row class appears in both files at once (the
/// row classes need no Parquet attributes of their own). Types map one to one: string, int, long, double, bool.
/// </summary>
public static class ParquetTables
{
    public static void Write<T>(string path, IReadOnlyList<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = Columns<T>();
        var schema = new ParquetSchema(columns.Select(c => (Field)new DataField(c.Name, c.Property.PropertyType, isNullable: false)).ToList());
        var records = rows.Select(row => (IDictionary<string, object?>)columns.ToDictionary(c => c.Name, c => c.Property.GetValue(row), StringComparer.Ordinal)).ToList();
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            // Sweeps write their tables synchronously; Parquet.Net is async-only, and there is no context to deadlock on.
            ParquetSerializer.SerializeUntypedAsync(records, schema, file).GetAwaiter().GetResult();
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The CSV columns of <typeparamref name="T"/>, in declaration order (the order CsvHelper writes them).</summary>
    public static IReadOnlyList<(string Name, PropertyInfo Property)> Columns<T>() =>
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<CsvColumnAttribute>() is not null)
            .OrderBy(p => p.MetadataToken)
            .Select(p => (p.GetCustomAttribute<CsvColumnAttribute>()!.Name ?? p.Name, p))];
}
