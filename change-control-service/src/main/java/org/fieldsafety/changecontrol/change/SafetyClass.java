package org.fieldsafety.changecontrol.change;

/**
 * IEC 62304 4.3 software safety class of a software item: A no injury, B non-serious injury, C serious
 * injury or death. Software not yet classified is treated as class C.
 */
public enum SafetyClass {
    A,
    B,
    C
}
