; MPP Desk for Windows counter PCs (NSIS 3). Compile on the machine that ran `make dist` on Windows:
;   makensis /DVERSION=0.1.0 installer\mpp-desk.nsi
; (docs/installing.md, "Windows"). VERSION is the package's (mpp_desk/__init__.py); DIST_DIR is the
; PyInstaller folder; OUT_FILE the installer to write. The data folder (%LOCALAPPDATA%\mpp-desk, the
; database, receipts, keys, backups) is never removed by the uninstaller.
Unicode true
!ifndef VERSION
  !error "give the version: makensis /DVERSION=x.y.z installer\mpp-desk.nsi"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "..\dist\mpp-desk"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "..\dist\mpp-desk-setup-${VERSION}.exe"
!endif

!include "MUI2.nsh"
!include "Sections.nsh"
!include "LogicLib.nsh"

Name "MPP Desk ${VERSION}"
OutFile "${OUT_FILE}"
InstallDir "$PROGRAMFILES64\MPP Desk"
InstallDirRegKey HKLM "Software\MPP Desk" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1057 "ProductName" "MPP Desk"
VIAddVersionKey /LANG=1057 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "FileDescription" "MPP Desk - front office Mal Pelayanan Publik"
VIAddVersionKey /LANG=1057 "CompanyName" "DPMPTSP Kabupaten Purwakarta"
VIAddVersionKey /LANG=1057 "LegalCopyright" "DPMPTSP Kabupaten Purwakarta"

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

Section "MPP Desk (wajib)" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${DIST_DIR}\*.*"
  WriteRegStr HKLM "Software\MPP Desk" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "Software\MPP Desk" "Version" "${VERSION}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\MPP Desk"
  CreateShortcut "$SMPROGRAMS\MPP Desk\MPP Desk.lnk" "$INSTDIR\mpp-desk.exe"
  CreateShortcut "$SMPROGRAMS\MPP Desk\MPP Desk Kios Antrian.lnk" "$INSTDIR\mpp-desk.exe" "--kiosk"
  CreateShortcut "$SMPROGRAMS\MPP Desk\MPP Desk Papan Antrian.lnk" "$INSTDIR\mpp-desk.exe" "--display"
  CreateShortcut "$SMPROGRAMS\MPP Desk\Hapus MPP Desk.lnk" "$INSTDIR\uninstall.exe"
  !define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MPP Desk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "MPP Desk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "DPMPTSP Kabupaten Purwakarta"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
SectionEnd

; Autostart for a kiosk or display-board PC: at most one of the two (chosen on the components page).
Section /o "Mulai otomatis sebagai kios antrian" SecKiosk
  CreateShortcut "$SMSTARTUP\MPP Desk Kios Antrian.lnk" "$INSTDIR\mpp-desk.exe" "--kiosk"
SectionEnd

Section /o "Mulai otomatis sebagai papan antrian" SecBoard
  CreateShortcut "$SMSTARTUP\MPP Desk Papan Antrian.lnk" "$INSTDIR\mpp-desk.exe" "--display"
SectionEnd

Function .onSelChange
  ; the kiosk and the board exclude each other: the one just ticked wins
  SectionGetFlags ${SecKiosk} $0
  SectionGetFlags ${SecBoard} $1
  IntOp $0 $0 & ${SF_SELECTED}
  IntOp $1 $1 & ${SF_SELECTED}
  ${If} $0 <> 0
  ${AndIf} $1 <> 0
    ${If} $R9 == "kiosk"
      !insertmacro UnselectSection ${SecKiosk}
      StrCpy $R9 "board"
    ${Else}
      !insertmacro UnselectSection ${SecBoard}
      StrCpy $R9 "kiosk"
    ${EndIf}
  ${ElseIf} $0 <> 0
    StrCpy $R9 "kiosk"
  ${ElseIf} $1 <> 0
    StrCpy $R9 "board"
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; the program only: the data folder (%LOCALAPPDATA%\mpp-desk) is the office's record and stays
  Delete "$SMSTARTUP\MPP Desk Kios Antrian.lnk"
  Delete "$SMSTARTUP\MPP Desk Papan Antrian.lnk"
  RMDir /r "$SMPROGRAMS\MPP Desk"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\MPP Desk"
  DeleteRegKey HKLM "Software\MPP Desk"
SectionEnd
