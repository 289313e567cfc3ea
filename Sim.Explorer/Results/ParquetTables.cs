using System.Reflection;
using CsvHelper;
using Parquet;
using Parquet.Schema;

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
        var temporary = path + ".tmp";
        // Sweeps write their tables synchronously; Parquet.Net is async-only, and there is no context to deadlock on.
        WriteAsync(temporary, rows).GetAwaiter().GetResult();
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>One row group, written column by column (the row-wise serializer is ~10× slower on a sweep's tables).</summary>
    private static async Task WriteAsync<T>(string path, IReadOnlyList<T> rows)
    {
        var columns = Columns<T>();
        var fields = columns.Select(c => new DataField(c.Name, c.Property.PropertyType, isNullable: false)).ToList();
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.Cast<Field>().ToList()), file).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        for (int i = 0; i < columns.Count; i++)
        {
            var property = columns[i].Property;
            var field = fields[i];
            var type = property.PropertyType;
            if (type == typeof(string))
                await group.WriteAsync(field, rows.Select(r => (string)property.GetValue(r)!).ToList()).ConfigureAwait(false);
            else if (type == typeof(int))
                await group.WriteAsync(field, Values<T, int>(rows, property)).ConfigureAwait(false);
            else if (type == typeof(long))
                await group.WriteAsync(field, Values<T, long>(rows, property)).ConfigureAwait(false);
            else if (type == typeof(double))
                await group.WriteAsync(field, Values<T, double>(rows, property)).ConfigureAwait(false);
            else if (type == typeof(bool))
                await group.WriteAsync(field, Values<T, bool>(rows, property)).ConfigureAwait(false);
            else
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: no Parquet column type for {type.Name}");
        }
    }

    private static ReadOnlyMemory<TValue> Values<T, TValue>(IReadOnlyList<T> rows, PropertyInfo property)
        where TValue : struct
    {
        var getter = property.GetMethod!.CreateDelegate<Func<T, TValue>>();
        var values = new TValue[rows.Count];
        for (int r = 0; r < values.Length; r++)
            values[r] = getter(rows[r]);
        return values;
    }

    /// <summary>The CSV columns of <typeparamref name="T"/>, in declaration order (the order CsvHelper writes them).</summary>
    public static IReadOnlyList<(string Name, PropertyInfo Property)> Columns<T>() =>
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<CsvColumnAttribute>() is not null)
            .OrderBy(p => p.MetadataToken)
            .Select(p => (p.GetCustomAttribute<CsvColumnAttribute>()!.Name ?? p.Name, p))];
}
