// SPDX-License-Identifier: MIT
using System.Reflection;

namespace ZkOptions.Circuit.Compiler;

/// <summary>One input of a circuit: a scalar (Length = null) or an array, with its first wire.</summary>
public sealed record CircuitInput(string Name, bool IsPublic, int? Length, int FirstWire)
{
    /// <summary>How many wires (values) the input takes.</summary>
    public int Count => Length ?? 1;

    /// <summary>The name of element <paramref name="index"/> in reports: "x", or "path[3]".</summary>
    public string ElementName(int index) => Length is null ? Name : $"{Name}[{index}]";
}

/// <summary>
/// Finds a circuit's inputs by reflection (public first, then secret, each in declaration order) and reads or
/// writes their <see cref="Variable"/> values.
/// </summary>
internal sealed class CircuitInputBinding
{
    private readonly List<(MemberInfo Member, string Name, bool IsPublic)> members = [];
    private readonly Circuit circuit;

    public CircuitInputBinding(Circuit circuit)
    {
        this.circuit = circuit;
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var found = new List<(MemberInfo, string, bool, int)>();
        for (var type = circuit.GetType(); type is not null && type != typeof(Circuit); type = type.BaseType)
        {
            foreach (var member in type.GetMembers(flags | BindingFlags.DeclaredOnly))
            {
                var pub = member.GetCustomAttribute<PublicAttribute>();
                var sec = member.GetCustomAttribute<SecretAttribute>();
                if (pub is null && sec is null)
                {
                    continue;
                }
                if (pub is not null && sec is not null)
                {
                    throw new CircuitDefinitionException($"{circuit.GetType().Name}.{member.Name} is marked both [Public] and [Secret]");
                }
                var memberType = member switch
                {
                    FieldInfo f => f.FieldType,
                    PropertyInfo p when p.CanRead && p.CanWrite => p.PropertyType,
                    _ => throw new CircuitDefinitionException($"{circuit.GetType().Name}.{member.Name}: an input must be a field or a settable property"),
                };
                if (memberType != typeof(Variable) && memberType != typeof(Variable[]))
                {
                    throw new CircuitDefinitionException($"{circuit.GetType().Name}.{member.Name}: an input must be a Variable or a Variable[], not {memberType.Name}");
                }
                found.Add((member, pub?.Name ?? sec!.Name ?? member.Name, pub is not null, member.MetadataToken));
            }
        }
        foreach (var (member, name, isPublic, _) in found.OrderBy(f => f.Item3 ? 0 : 1).ThenBy(f => f.Item4))
        {
            if (members.Any(m => m.Name == name))
            {
                throw new CircuitDefinitionException($"{circuit.GetType().Name}: two inputs are named '{name}'");
            }
            members.Add((member, name, isPublic));
        }
    }

    /// <summary>Lays the inputs out on wires starting at 1 (public first) and returns the layout.</summary>
    public IReadOnlyList<CircuitInput> Layout()
    {
        var inputs = new List<CircuitInput>();
        int wire = 1;
        foreach (var (member, name, isPublic) in members)
        {
            object? value = Get(member);
            int? length = null;
            if (value is Variable[] array)
            {
                length = array.Length;
            }
            else if (value is null)
            {
                throw new CircuitDefinitionException($"{circuit.GetType().Name}.{member.Name} is a null array: give it its length in the constructor");
            }
            var input = new CircuitInput(name, isPublic, length, wire);
            inputs.Add(input);
            wire += input.Count;
        }
        return inputs;
    }

    /// <summary>Sets every input to the variables <paramref name="valueOf"/> gives for each element.</summary>
    public void Assign(IReadOnlyList<CircuitInput> layout, Func<CircuitInput, int, Variable> valueOf)
    {
        for (int i = 0; i < members.Count; i++)
        {
            var input = layout[i];
            if (input.Length is int length)
            {
                var array = new Variable[length];
                for (int j = 0; j < length; j++)
                {
                    array[j] = valueOf(input, j);
                }
                Set(members[i].Member, array);
            }
            else
            {
                Set(members[i].Member, valueOf(input, 0));
            }
        }
    }

    /// <summary>The current values of the inputs (constants for an assigned circuit), element by element.</summary>
    public IEnumerable<(CircuitInput Input, int Index, Variable Value)> Values(IReadOnlyList<CircuitInput> layout)
    {
        for (int i = 0; i < members.Count; i++)
        {
            object? value = Get(members[i].Member);
            if (value is Variable[] array)
            {
                for (int j = 0; j < array.Length; j++)
                {
                    yield return (layout[i], j, array[j]);
                }
            }
            else if (value is Variable scalar)
            {
                yield return (layout[i], 0, scalar);
            }
        }
    }

    private object? Get(MemberInfo member) => member switch
    {
        FieldInfo f => f.GetValue(circuit),
        PropertyInfo p => p.GetValue(circuit),
        _ => null,
    };

    private void Set(MemberInfo member, object value)
    {
        switch (member)
        {
            case FieldInfo f:
                f.SetValue(circuit, value);
                break;
            case PropertyInfo p:
                p.SetValue(circuit, value);
                break;
        }
    }
}
