"""Agreement texts for tests of rounds and reports: a signed delavtale with concrete learning-and-coping
content (bokmål) and an unsigned nynorsk draft."""

SIGNED = """Samarbeidsavtale mellom Kinn kommune og Helse Førde HF

Delavtale 2 om lærings- og mestringstilbud

1. Formål
Kommunen og Helse Førde HF skal samarbeide om lærings- og mestringstilbud til pasienter og pårørende.
Lærings- og mestringssenteret i Helse Førde skal arrangere kurs for personer med diabetes type 2,
og kommunen skal ha en kontaktperson for frisklivs- og mestringstilbudet. Kursene evalueres hvert år.

2. Brukermedvirkning
Brukerutvalget i Helse Førde oppnevner to brukerrepresentanter til det faglige samarbeidsutvalget.

Avtalen er vedtatt 12.03.2021 og er underskrevet av begge parter.

Florø, 12.03.2021
Kari Nordmann (sign.)                Per Hansen (sign.)
Kinn kommune                         Helse Førde HF
"""

DRAFT = """UTKAST

Tenesteavtale 10 mellom Sunnfjord kommune og Helse Førde HF om førebygging

Partane bør samarbeide om førebyggjande tiltak. Kommunen kan vurdere å tilby frisklivstilbod.

Stad: ______________   Dato: ________
"""
